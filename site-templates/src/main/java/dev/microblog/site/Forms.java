package dev.microblog.site;

import dev.microblog.core.domain.Rules;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The models of the site's forms. The same model renders the blank form the generator publishes and
 * the form a function sends back with the input kept and an error next to each field at fault.
 * Limits come from {@link Rules}, so the browser's {@code maxlength} and the hints say what the
 * server checks (these fields are ASCII or e-mail, where the browser's count and ours agree).
 */
public final class Forms {
  /** One input with its label, hint, kept value and error ({@code partials/field.mustache}). */
  public record Field(
      String name,
      String type,
      String label,
      String hint,
      String value,
      String error,
      String autocomplete,
      Integer maxlength) {}

  private Forms() {}

  /**
   * @param values what the user typed, by field name (passwords are never sent back)
   * @param errors error messages by field name; "form" for an error about the whole form
   */
  public static Map<String, Object> signup(
      Messages t, Map<String, String> values, Map<String, String> errors) {
    Map<String, Object> model = new HashMap<>();
    model.put(
        "username",
        field(
            t,
            "username",
            "text",
            t.get("field_username_hint", Rules.USERNAME_MIN, Rules.USERNAME_MAX),
            values,
            errors,
            "username",
            Rules.USERNAME_MAX));
    model.put("email", field(t, "email", "email", null, values, errors, "email", Rules.EMAIL_MAX));
    model.put(
        "password",
        field(
            t,
            "password",
            "password",
            t.get("field_password_hint", Rules.PASSWORD_MIN),
            Map.of(),
            errors,
            "new-password",
            Rules.PASSWORD_MAX));
    model.put("errors", errors);
    return model;
  }

  public static Map<String, Object> login(
      Messages t, Map<String, String> values, Map<String, String> errors) {
    Map<String, Object> model = new HashMap<>();
    model.put(
        "username",
        field(t, "username", "text", null, values, errors, "username", Rules.USERNAME_MAX));
    model.put(
        "password",
        field(
            t,
            "password",
            "password",
            null,
            Map.of(),
            errors,
            "current-password",
            Rules.PASSWORD_MAX));
    model.put("errors", errors);
    return model;
  }

  private static Field field(
      Messages t,
      String name,
      String type,
      String hint,
      Map<String, String> values,
      Map<String, String> errors,
      String autocomplete,
      Integer maxlength) {
    return new Field(
        name,
        type,
        t.get("field_" + name.toLowerCase(Locale.ROOT)),
        hint,
        values.getOrDefault(name, ""),
        errors.get(name),
        autocomplete,
        maxlength);
  }
}
