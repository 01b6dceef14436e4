package uk.harbour.web;

/**
 * The one error type services fail futures with: an HTTP status, a stable machine code and a
 * plain-English message that is safe to show to the person who caused it.
 */
public class HarbourException extends RuntimeException {

  private final int status;
  private final String code;

  public HarbourException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static HarbourException badRequest(String code, String message) {
    return new HarbourException(400, code, message);
  }

  public static HarbourException unauthorized(String message) {
    return new HarbourException(401, "unauthorized", message);
  }

  public static HarbourException forbidden(String message) {
    return new HarbourException(403, "forbidden", message);
  }

  public static HarbourException notFound(String message) {
    return new HarbourException(404, "not_found", message);
  }

  public static HarbourException conflict(String code, String message) {
    return new HarbourException(409, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
