package dev.microblog.functions.account;

import dev.microblog.core.store.Store;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Login sessions. The browser holds a random token; the table holds only its SHA-256, so reading
 * the table does not let anyone act as a user. The token has 256 random bits, so a fast hash is
 * enough (nothing to brute-force, unlike a password).
 */
@Singleton
public final class Sessions {
  public static final Duration LIFETIME = Duration.ofDays(30);
  private static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Clock clock;

  public Sessions(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Opens a session for {@code username}; the token goes into the cookie. */
  public String start(String username) {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.sessions().create(hash(token), username, clock.instant().plus(LIFETIME));
    return token;
  }

  /** Whose live session the token opens, if any. */
  public Optional<String> user(String token) {
    return store.sessions().user(hash(token), clock.instant());
  }

  public void end(String token) {
    store.sessions().delete(hash(token));
  }

  static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
