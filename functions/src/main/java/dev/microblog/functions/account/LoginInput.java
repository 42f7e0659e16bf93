package dev.microblog.functions.account;

import static dev.microblog.functions.Checks.orEmpty;

import dev.microblog.functions.Checks;
import dev.microblog.site.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/** The login form as typed. */
public record LoginInput(String username, String password) {
  public LoginInput {
    username = orEmpty(username);
    password = orEmpty(password);
  }

  public String normalizedUsername() {
    return Checks.username(username);
  }

  /**
   * Only presence is checked here: whether the pair is right is the one answer a login gives, so
   * that an attacker learns nothing about which half was wrong.
   */
  public Map<String, String> errors(Messages t) {
    Map<String, String> errors = new LinkedHashMap<>();
    Checks.required(normalizedUsername(), "username", t, errors);
    Checks.required(password, "password", t, errors);
    return errors;
  }

  public Map<String, String> kept() {
    return Map.of("username", username);
  }

  @Override
  public String toString() {
    return "LoginInput[" + username + "]";
  }
}
