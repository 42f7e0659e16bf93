package dev.microblog.functions.account;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.store.Conflict;
import dev.microblog.core.store.Store;
import dev.microblog.functions.Refused;
import dev.microblog.site.Messages;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Creating an account: validate, check the name and address are free, store, log in. */
@Singleton
public final class Signup {
  private final Store store;
  private final Passwords passwords;
  private final Sessions sessions;
  private final Clock clock;

  public Signup(Store store, Passwords passwords, Sessions sessions, Clock clock) {
    this.store = store;
    this.passwords = passwords;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * @throws Refused with {@code INVALID} for broken rules, {@code CONFLICT} for a taken username
   *     and/or e-mail address; nothing is written then
   */
  public SignedIn signUp(SignupInput input, Messages t) {
    Map<String, String> errors = input.errors(t);
    if (!errors.isEmpty()) {
      throw new Refused(Refused.Reason.INVALID, errors);
    }
    String username = input.normalizedUsername();
    String email = input.normalizedEmail();
    // Looked up first so the form can name both fields at once; the transaction in create()
    // still settles a race between two sign-ups.
    if (sameSignupAgain(username, email, input.password())) {
      return new SignedIn(username, sessions.start(username));
    }
    Map<String, String> taken = new LinkedHashMap<>();
    if (store.users().exists(username)) {
      taken.put("username", t.get("error_username_taken"));
    }
    if (store.users().emailTaken(email)) {
      taken.put("email", t.get("error_email_taken"));
    }
    if (!taken.isEmpty()) {
      throw new Refused(Refused.Reason.CONFLICT, taken);
    }
    try {
      store
          .users()
          .create(
              new NewUser(
                  username,
                  email,
                  passwords.hash(input.password()),
                  clock.instant(),
                  SiteLocale.of(t.locale().toLanguageTag()).orElse(SiteLocale.DEFAULT)));
    } catch (Conflict conflict) {
      throw new Refused(Refused.Reason.CONFLICT, messages(conflict.fields(), t));
    }
    return new SignedIn(username, sessions.start(username));
  }

  /**
   * The account this form would create exists with the same address and password: the same person
   * sending the form again, after a "try again" whose account was in fact written before the answer
   * failed (a session that could not be stored, a lost connection). They are signed in, not told
   * their own name is taken.
   */
  private boolean sameSignupAgain(String username, String email, String password) {
    return store.users().emailOwner(email).filter(username::equals).isPresent()
        && passwords.matches(password, store.users().passwordHash(username));
  }

  private static Map<String, String> messages(Set<Conflict.Field> fields, Messages t) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (fields.contains(Conflict.Field.USERNAME)) {
      errors.put("username", t.get("error_username_taken"));
    }
    if (fields.contains(Conflict.Field.EMAIL)) {
      errors.put("email", t.get("error_email_taken"));
    }
    return errors;
  }
}
