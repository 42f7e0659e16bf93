package dev.microblog.functions;

import dev.microblog.core.domain.Rules;
import dev.microblog.site.Messages;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field rules every form shares. Each check puts the message for a broken rule into {@code
 * errors} under the field's name, so a form's validation reads as a list of its fields.
 */
public final class Checks {
  /**
   * One {@code @}, something before it, a dotted domain after it, no spaces or control characters.
   * Deliberately loose: the only real test of an address is mail reaching it.
   */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

  private Checks() {}

  /** Usernames are case-insensitive: they are compared and stored in lower case. */
  public static String username(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  public static void username(String name, String field, Messages t, Map<String, String> errors) {
    if (name.isEmpty()) {
      errors.put(field, t.get("error_required"));
    } else if (!Rules.USERNAME.matcher(name).matches()) {
      errors.put(field, t.get("error_username_format", Rules.USERNAME_MIN, Rules.USERNAME_MAX));
    }
  }

  public static void email(String email, String field, Messages t, Map<String, String> errors) {
    if (email.isEmpty()) {
      errors.put(field, t.get("error_required"));
    } else if (email.length() > Rules.EMAIL_MAX) {
      errors.put(field, t.get("error_email_too_long", Rules.EMAIL_MAX));
    } else if (!EMAIL.matcher(email).matches()) {
      errors.put(field, t.get("error_email_format"));
    }
  }

  /** A new password: long enough to resist guessing, short enough that hashing stays cheap. */
  public static void newPassword(
      String password, String field, Messages t, Map<String, String> errors) {
    int length = password.codePointCount(0, password.length());
    if (password.isEmpty()) {
      errors.put(field, t.get("error_required"));
    } else if (length < Rules.PASSWORD_MIN) {
      errors.put(field, t.get("error_password_short", Rules.PASSWORD_MIN));
    } else if (length > Rules.PASSWORD_MAX) {
      errors.put(field, t.get("error_password_long", Rules.PASSWORD_MAX));
    }
  }

  public static void required(String value, String field, Messages t, Map<String, String> errors) {
    if (value.isEmpty()) {
      errors.put(field, t.get("error_required"));
    }
  }

  /** Absent form fields read as empty. */
  public static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
