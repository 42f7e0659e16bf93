package dev.microblog.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SameOriginTest {
  private final SameOrigin site = new SameOrigin(List.of("https://blog.example.org"));

  @Test
  void theSiteItselfMayPost() {
    assertThat(site.allows("https://blog.example.org", null, "api.example.net")).isTrue();
    assertThat(site.allows("HTTPS://Blog.Example.org", null, "api.example.net")).isTrue();
  }

  @Test
  void theRequestsOwnHostMayPostOnAnyPort() {
    assertThat(site.allows("http://localhost:43117", null, "localhost:43117")).isTrue();
    assertThat(site.allows("http://localhost:43117", null, "localhost:8080")).isFalse();
  }

  @Test
  void otherSitesMayNot() {
    assertThat(site.allows("https://evil.example", null, "blog.example.org")).isFalse();
    assertThat(site.allows("https://blog.example.org.evil.example", null, "x")).isFalse();
    assertThat(site.allows("null", null, "blog.example.org")).isFalse();
  }

  @Test
  void withoutOriginTheRefererDecides() {
    assertThat(site.allows(null, "https://blog.example.org/users/alice/", "x")).isTrue();
    assertThat(site.allows(null, "https://evil.example/page", "blog.example.org")).isFalse();
    assertThat(site.allows(null, "not a url", "blog.example.org")).isFalse();
  }

  @Test
  void originWinsOverReferer() {
    assertThat(site.allows("https://evil.example", "https://blog.example.org/", "x")).isFalse();
  }

  @Test
  void programsThatSendNeitherMayPost() {
    assertThat(site.allows(null, null, "blog.example.org")).isTrue();
    assertThat(site.allows("", " ", "blog.example.org")).isTrue();
  }
}
