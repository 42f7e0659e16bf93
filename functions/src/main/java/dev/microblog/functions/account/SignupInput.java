package dev.microblog.functions.account;

import static dev.microblog.functions.Checks.orEmpty;

import dev.microblog.functions.Checks;
import dev.microblog.site.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sign-up form as typed. */
public record SignupInput(String username, String email, String password) {
  public SignupInput {
    username = orEmpty(username);
    email = orEmpty(email);
    password = orEmpty(password);
  }

  /** The username as it will be stored: trimmed, lower case. */
  public String normalizedUsername() {
    return Checks.username(username);
  }

  public String normalizedEmail() {
    return email.strip();
  }

  /** Every broken rule, by field; empty when the form is fine. */
  public Map<String, String> errors(Messages t) {
    Map<String, String> errors = new LinkedHashMap<>();
    Checks.username(normalizedUsername(), "username", t, errors);
    Checks.email(normalizedEmail(), "email", t, errors);
    Checks.newPassword(password, "password", t, errors);
    return errors;
  }

  /** What the form shows again after a refusal: everything but the password. */
  public Map<String, String> kept() {
    return Map.of("username", username, "email", email);
  }

  @Override
  public String toString() {
    return "SignupInput[" + username + "]";
  }
}
