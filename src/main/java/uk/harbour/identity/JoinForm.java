package uk.harbour.identity;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import uk.harbour.web.FieldErrors;
import uk.harbour.web.FormInput;
import uk.harbour.web.HarbourException;

/**
 * The join form, checked as a whole: every problem is found at once and named against its field
 * (the GOV.UK error-summary pattern), so a young person fixes them in one go. Only the way of
 * signing in they chose is read: a passphrase, or a PIN and a memorable word.
 */
record JoinForm(Optional<String> token, Optional<String> code, String loginName, String secret) {

  /** The fields, as their ids on the page, so the summary's links reach them. */
  static final String CODE = "code";
  static final String LOGIN_NAME = "loginName";
  static final String PASSPHRASE = "passphrase";
  static final String PIN = "pin";
  static final String WORD = "word";

  /** Reads and checks the posted form; also puts what may be shown again on {@code model}. */
  static JoinForm read(FormInput form, JsonObject model) {
    FieldErrors.Builder errors = FieldErrors.builder();
    Optional<String> token = optional(form, "token", 100, CODE, errors);
    Optional<String> code = optional(form, CODE, 20, CODE, errors);
    token.ifPresent(t -> model.put("token", t));
    code.ifPresent(c -> model.put("code", c));
    if (token.isEmpty() && code.isEmpty()) {
      errors.add(CODE, "Enter the invite code your personal adviser gave you.");
    }
    Optional<String> loginName = optional(form, LOGIN_NAME, 30, LOGIN_NAME, errors);
    loginName.ifPresent(n -> model.put("loginName", n));
    if (loginName.isEmpty()) {
      errors.add(LOGIN_NAME, "Choose a sign-in name.");
    }
    loginName.flatMap(Onboarding::loginNameProblem).ifPresent(p -> errors.add(LOGIN_NAME, p));

    boolean pin = "pin".equals(form.optional("method", 20).orElse(PASSPHRASE));
    model.put("usePin", pin);
    String secret = pin ? pinAndWord(form, errors) : passphrase(form, errors);
    errors.throwIfAny();
    return new JoinForm(token, code, loginName.orElseThrow(), secret);
  }

  private static String passphrase(FormInput form, FieldErrors.Builder errors) {
    String typed = secret(form, PASSPHRASE, 200, "Enter a passphrase.", errors);
    if (typed == null) {
      return null;
    }
    try {
      return CareLeaverSecret.passphrase(typed);
    } catch (HarbourException e) {
      errors.add(PASSPHRASE, e.getMessage());
      return null;
    }
  }

  private static String pinAndWord(FormInput form, FieldErrors.Builder errors) {
    String pin = secret(form, PIN, 6, "Enter a 6-digit PIN.", errors);
    if (pin != null) {
      CareLeaverSecret.pinProblem(pin).ifPresent(p -> errors.add(PIN, p));
    }
    String word = secret(form, WORD, 60, "Enter a memorable word.", errors);
    if (word != null) {
      CareLeaverSecret.wordProblem(word).ifPresent(p -> errors.add(WORD, p));
    }
    return errors.isEmpty() ? CareLeaverSecret.pinAndWord(pin, word) : null;
  }

  private static Optional<String> optional(FormInput form, String name, int max, String field, FieldErrors.Builder errors) {
    try {
      return form.optional(name, max);
    } catch (HarbourException e) {
      errors.add(field, e.getMessage());
      return Optional.empty();
    }
  }

  private static String secret(FormInput form, String name, int max, String missing, FieldErrors.Builder errors) {
    try {
      return form.secret(name, max, "");
    } catch (HarbourException e) {
      errors.add(name, "missing_field".equals(e.code()) ? missing : e.getMessage());
      return null;
    }
  }

  /** A refusal from redeeming the invite, against the field it is about (or none: a summary line only). */
  static Throwable placed(Throwable failure, boolean byCode) {
    if (failure instanceof HarbourException e) {
      return switch (e.code()) {
        case "login_name_taken", "bad_login_name" -> FieldErrors.placed(e, LOGIN_NAME);
        case "invite_invalid" -> byCode ? FieldErrors.placed(e, CODE) : e;
        default -> e;
      };
    }
    return failure;
  }
}
