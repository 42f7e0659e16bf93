package dev.microblog.functions.account;

/** A user who has just signed up or logged in, with the token of their new session. */
public record SignedIn(String username, String sessionToken) {
  @Override
  public String toString() {
    return "SignedIn[" + username + "]"; // the token is a credential
  }
}
