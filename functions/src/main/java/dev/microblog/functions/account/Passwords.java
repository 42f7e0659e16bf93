package dev.microblog.functions.account;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing with Argon2id.
 *
 * <p>Parameters: 32 MiB of memory, 3 passes, 1 lane, 16-byte salt, 32-byte hash. That is above
 * OWASP's minimum for Argon2id (19 MiB, 2 passes) and took ~75 ms per hash on the 2-core
 * development machine (Bouncy Castle, warm JIT; the first hash after a cold start is slower) — slow
 * enough to make guessing expensive, fast enough for a login to feel instant, and small enough for
 * a Lambda function's memory. The parameters are stored in each hash, so raising them later only
 * affects new hashes.
 */
@Singleton
public final class Passwords {
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  static final int LANES = 1;
  static final int MEMORY_KIB = 32 * 1024;
  static final int PASSES = 3;

  /**
   * The hash of a random password nobody knows, made once with the parameters above. Logins for
   * unknown users are checked against it, so they take as long as real ones and the answer's timing
   * does not tell which usernames exist.
   */
  static final String DUMMY_HASH =
      "$argon2id$v=19$m=32768,t=3,p=1$ZAOm05n3ZxvlH4YI/t+K9A$APL9PxvvL9lgV7IsKBlNVZ7igaXAWGKAWg4t2/WzsUs";

  private final Argon2PasswordEncoder encoder =
      new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, LANES, MEMORY_KIB, PASSES);

  public String hash(String password) {
    return encoder.encode(password);
  }

  /**
   * Whether {@code password} matches the stored hash. Does the same work when there is no stored
   * hash (no such user), and then answers false.
   */
  public boolean matches(String password, Optional<String> storedHash) {
    boolean matches = encoder.matches(password, storedHash.orElse(DUMMY_HASH));
    return storedHash.isPresent() && matches;
  }
}
