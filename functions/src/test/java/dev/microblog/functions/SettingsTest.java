package dev.microblog.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.config.AwsConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.MapPropertySource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SettingsTest {
  @Test
  void properties_bind_to_the_typed_settings_and_reach_cores_config() {
    try (var context =
        ApplicationContext.run(
            Map.of(
                "microblog.table", "site-table",
                "microblog.site-origins", "https://a.example, http://localhost:8080",
                "microblog.cookies.secure", "true",
                "microblog.home.patience", "250ms",
                "microblog.endpoint.dynamodb", "http://127.0.0.1:9",
                "aws.region", "eu-west-1"))) {
      assertThat(context.getBean(Settings.Site.class).siteOrigins())
          .containsExactly("https://a.example", "http://localhost:8080");
      assertThat(context.getBean(Settings.Cookies.class).secure()).isTrue();
      assertThat(context.getBean(Settings.Home.class).patience()).isEqualTo(Duration.ofMillis(250));
      AwsConfig aws = context.getBean(AwsConfig.class);
      assertThat(aws.tableName()).isEqualTo("site-table");
      assertThat(aws.region()).isEqualTo(Region.EU_WEST_1);
      assertThat(aws.endpoint("DYNAMODB")).contains(URI.create("http://127.0.0.1:9"));
    }
  }

  @Test
  void the_environment_variables_template_yaml_sets_bind_the_same_way() {
    var environment =
        new MapPropertySource(
            "environment",
            Map.of(
                "MICROBLOG_TABLE", "stack-table",
                "MICROBLOG_SITE_ORIGINS", "https://d1234.cloudfront.net",
                "MICROBLOG_COOKIES_SECURE", "true",
                "AWS_REGION", "eu-west-1")) {
          @Override
          public PropertyConvention getConvention() {
            return PropertyConvention.ENVIRONMENT_VARIABLE;
          }
        };
    try (var context = ApplicationContext.builder().propertySources(environment).start()) {
      assertThat(context.getBean(Settings.Site.class))
          .isEqualTo(new Settings.Site("stack-table", List.of("https://d1234.cloudfront.net")));
      assertThat(context.getBean(Settings.Cookies.class).secure()).isTrue();
      assertThat(context.getBean(AwsConfig.class).region()).isEqualTo(Region.EU_WEST_1);
    }
  }

  @Test
  void nothing_set_means_awss_defaults() {
    try (var context = ApplicationContext.run(Map.of())) {
      assertThat(context.getBean(Settings.Site.class).siteOrigins()).isEmpty();
      assertThat(context.getBean(Settings.Cookies.class).secure()).isFalse();
      assertThat(context.getBean(Settings.Home.class).patience()).isEqualTo(Duration.ofSeconds(1));
      AwsConfig aws = context.getBean(AwsConfig.class);
      assertThat(aws.tableName()).isEqualTo("microblog");
      assertThat(aws.endpoint("DYNAMODB")).isEmpty();
    }
  }

  @Test
  void a_wrong_value_is_refused_with_the_name_of_its_setting() {
    try (var context = ApplicationContext.run(Map.of("microblog.home.patience", "-1s"))) {
      assertThatThrownBy(() -> context.getBean(Settings.Home.class))
          .hasStackTraceContaining("microblog.home.patience");
    }
    assertThatThrownBy(() -> new Settings.Site("microblog", List.of("https://a.example/path")))
        .hasMessageContaining("microblog.site-origins")
        .hasMessageContaining("https://a.example/path");
    assertThatThrownBy(() -> new Settings.Site(" ", List.of()))
        .hasMessageContaining("MICROBLOG_TABLE");
  }
}
