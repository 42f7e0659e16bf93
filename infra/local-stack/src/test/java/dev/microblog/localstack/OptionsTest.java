package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {
  static final Path REPO = Path.of("/repo");

  @Test
  void byDefaultTheSiteIsOn8080WithItsDataUnderTheRepository() {
    Options options = Options.parse(new String[0], REPO);

    assertThat(options.dataDir()).isEqualTo(REPO.resolve(".local/data"));
    assertThat(options.sitePort()).isEqualTo(8080);
    assertThat(options.port(1)).as("API").isEqualTo(8081);
    assertThat(options.port(4)).as("SES").isEqualTo(8084);
    assertThat(options.demo()).isTrue();
    assertThat(options.reset()).isFalse();
  }

  @Test
  void portZeroGivesEveryServiceAFreePort() {
    Options options = Options.parse(new String[] {"--port", "0"}, REPO);

    assertThat(options.port(0)).isZero();
    assertThat(options.port(3)).isZero();
  }

  @Test
  void inMemoryKeepsNoDataDirectory() {
    Options options =
        Options.parse(new String[] {"--in-memory", "--no-demo", "--port", "9000"}, REPO);

    assertThat(options.dataDir()).isNull();
    assertThat(options.demo()).isFalse();
    assertThat(options.port(2)).isEqualTo(9002);
  }

  @Test
  void mistakesAreExplained() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--prot", "1"}, REPO))
        .hasMessage("Unknown option --prot");
    assertThatThrownBy(() -> Options.parse(new String[] {"--port", "http"}, REPO))
        .hasMessageContaining("--port needs a number");
    assertThatThrownBy(() -> Options.parse(new String[] {"--data"}, REPO))
        .hasMessage("--data needs a value");
  }
}
