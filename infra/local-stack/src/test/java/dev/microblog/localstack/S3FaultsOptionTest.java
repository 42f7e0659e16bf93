package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The runner's {@code --s3-faults SPEC}. */
class S3FaultsOptionTest {
  static final Path REPO = Path.of("/repo");

  @Test
  void byDefaultS3DoesNothingWrong() {
    assertThat(Options.parse(new String[0], REPO).s3Faults()).isEmpty();
    assertThat(Options.inMemory(REPO, true).s3Faults()).isEmpty();
  }

  @Test
  void theSpecIsKeptForTheStackToApply() {
    Options options =
        Options.parse(
            new String[] {"--in-memory", "--s3-faults", "slow=0.2,slow-by=300ms,slow-down=0.1"},
            REPO);

    assertThat(options.s3Faults()).isEqualTo("slow=0.2,slow-by=300ms,slow-down=0.1");
    assertThat(options.dataDir()).isNull();
  }

  @Test
  void aWrongSpecStopsTheStartNamingTheValidFaults() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--s3-faults", "slowdown=0.1"}, REPO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--s3-faults: ")
        .hasMessageContaining("slow, slow-by, slow-down, reset, seed");
    assertThatThrownBy(() -> Options.parse(new String[] {"--s3-faults"}, REPO))
        .hasMessage("--s3-faults needs a value");
  }

  @Test
  void theUsageExplainsIt() {
    assertThat(Options.USAGE).contains("--s3-faults SPEC");
  }
}
