package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {
  @Test
  void the_variables_template_yaml_sets_are_read_in_one_place() {
    var settings =
        GeneratorSettings.from(
            Map.of(
                    "MICROBLOG_TABLE", "stack-table",
                    "MICROBLOG_BUCKET", "site-bucket",
                    "MICROBLOG_DISTRIBUTION_ID", "E123",
                    "MICROBLOG_ENDPOINT_S3", "http://127.0.0.1:9")
                ::get);

    assertThat(settings.requiredBucket()).isEqualTo("site-bucket");
    assertThat(settings.distributionId()).contains("E123");
    assertThat(settings.aws().tableName()).isEqualTo("stack-table");
    assertThat(settings.aws().endpoint("S3")).contains(URI.create("http://127.0.0.1:9"));
  }

  @Test
  void a_missing_bucket_is_named_when_it_is_needed_and_a_missing_cdn_means_none() {
    var settings = GeneratorSettings.from(Map.of("MICROBLOG_DISTRIBUTION_ID", " ")::get);

    assertThat(settings.distributionId()).as("blank is not set").isEmpty();
    assertThatThrownBy(settings::requiredBucket)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("MICROBLOG_BUCKET is not set");
    assertThatThrownBy(() -> Generator.fromSettings(settings))
        .hasMessageStartingWith("MICROBLOG_BUCKET is not set");
  }
}
