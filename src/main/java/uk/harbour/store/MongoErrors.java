package uk.harbour.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Recognises driver errors by category, never by message text. */
public final class MongoErrors {

  private MongoErrors() {}

  public static boolean isDuplicateKey(Throwable error) {
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof MongoServerException server
          && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
      cause = cause.getCause();
    }
    return false;
  }
}
