package dev.microblog.generator.rendering.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RobotsTxtTest {
  @Test
  void everything_but_the_api_may_be_crawled_and_the_sitemap_index_is_named() {
    assertThat(
            new String(
                RobotsTxt.render("https://blog.example/sitemap.xml"), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            User-agent: *
            Allow: /
            Disallow: /api/

            Sitemap: https://blog.example/sitemap.xml
            """);
  }

  @Test
  void the_sitemap_must_be_an_absolute_url() {
    assertThatThrownBy(() -> RobotsTxt.render("/sitemap.xml"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
