package dev.microblog.functions.http;

/** The request needs a signed-in user and has none; {@link LoginRequiredHandler} answers it. */
public final class LoginRequired extends RuntimeException {
  public LoginRequired() {
    super("login required", null, false, false);
  }
}
