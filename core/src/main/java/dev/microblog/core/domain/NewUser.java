package dev.microblog.core.domain;

import java.time.Instant;

/**
 * A validated sign-up, with the password already hashed.
 *
 * @param locale the user's language: the one they signed up in, for what the site sends them
 */
public record NewUser(
    String username, String email, String passwordHash, Instant joinedAt, SiteLocale locale) {
  /** A sign-up in the default locale. */
  public NewUser(String username, String email, String passwordHash, Instant joinedAt) {
    this(username, email, passwordHash, joinedAt, SiteLocale.DEFAULT);
  }

  @Override
  public String toString() {
    return "NewUser[" + username + "]"; // never print the hash or the address
  }
}
