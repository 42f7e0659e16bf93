package dev.microblog.functions.account;

import dev.microblog.core.domain.Rules;
import dev.microblog.core.store.Store;
import dev.microblog.functions.Refused;
import dev.microblog.site.Messages;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/** Logging in and out. */
@Singleton
public final class Login {
  private final Store store;
  private final Passwords passwords;
  private final Sessions sessions;

  public Login(Store store, Passwords passwords, Sessions sessions) {
    this.store = store;
    this.passwords = passwords;
    this.sessions = sessions;
  }

  /**
   * @throws Refused with {@code INVALID} for an empty field, {@code UNAUTHORIZED} for a wrong pair
   *     (the same answer, after the same work, whether or not the user exists)
   */
  public SignedIn logIn(LoginInput input, Messages t) {
    Map<String, String> errors = input.errors(t);
    if (!errors.isEmpty()) {
      throw new Refused(Refused.Reason.INVALID, errors);
    }
    String username = input.normalizedUsername();
    Optional<String> hash =
        Rules.USERNAME.matcher(username).matches()
            ? store.users().passwordHash(username)
            : Optional.empty();
    if (!passwords.matches(input.password(), hash)) {
      throw Refused.form(Refused.Reason.UNAUTHORIZED, t.get("error_credentials"));
    }
    return new SignedIn(username, sessions.start(username));
  }

  /** Ends the session the token opens; a token that opens none is fine (already logged out). */
  public void logOut(String sessionToken) {
    sessions.end(sessionToken);
  }
}
