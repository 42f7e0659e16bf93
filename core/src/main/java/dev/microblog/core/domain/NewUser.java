package dev.microblog.core.domain;

import java.time.Instant;

/** A validated sign-up, with the password already hashed. */
public record NewUser(String username, String email, String passwordHash, Instant joinedAt) {
  @Override
  public String toString() {
    return "NewUser[" + username + "]"; // never print the hash or the address
  }
}
