package dev.microblog.core.store;

/** The write names a user that does not exist; nothing was written. */
public final class NoSuchUser extends RuntimeException {
  private final String username;

  public NoSuchUser(String username) {
    super("no such user: " + username);
    this.username = username;
  }

  public String username() {
    return username;
  }
}
