package dev.microblog.functions.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final Passwords passwords = new Passwords();

  @Test
  void aHashMatchesItsPasswordOnly() {
    String hash = passwords.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse");
    assertThat(passwords.matches("correct horse battery", Optional.of(hash))).isTrue();
    assertThat(passwords.matches("correct horse batterY", Optional.of(hash))).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(passwords.hash("correct horse battery"))
        .isNotEqualTo(passwords.hash("correct horse battery"));
  }

  @Test
  void withoutAStoredHashNothingMatches() {
    assertThat(passwords.matches("correct horse battery", Optional.empty())).isFalse();
  }

  /**
   * Checking an unknown user costs as much as checking a real one only if the stand-in hash was
   * made with the parameters real hashes get.
   */
  @Test
  void theStandInHashUsesTheParametersOfRealHashes() {
    assertThat(parameters(Passwords.DUMMY_HASH))
        .isEqualTo(parameters(passwords.hash("anything at all")))
        // 32 MiB, 3 passes, 1 lane, as promised above OWASP's minimum: written out, not read back
        // from the constants that make the hash.
        .isEqualTo("$argon2id$v=19$m=32768,t=3,p=1");
  }

  private static String parameters(String hash) {
    return hash.substring(0, hash.indexOf('$', hash.indexOf("$m=") + 1));
  }
}
