package dev.microblog.functions;

import java.util.Map;

/**
 * A request turned down before anything was written, with a message per form field ({@code "form"}
 * for one about the whole form).
 */
public final class Refused extends RuntimeException {
  /** Why, which decides the HTTP status. */
  public enum Reason {
    /** The input breaks a rule (400). */
    INVALID(400),
    /** Wrong username or password (401). */
    UNAUTHORIZED(401),
    /** The thing it names does not exist (404). */
    NOT_FOUND(404),
    /** A username or e-mail address is taken (409). */
    CONFLICT(409);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Reason reason;
  private final Map<String, String> errors;

  public Refused(Reason reason, Map<String, String> errors) {
    super(reason + " " + errors.keySet(), null, false, false);
    this.reason = reason;
    this.errors = Map.copyOf(errors);
  }

  public static Refused form(Reason reason, String message) {
    return new Refused(reason, Map.of("form", message));
  }

  public Reason reason() {
    return reason;
  }

  public Map<String, String> errors() {
    return errors;
  }
}
