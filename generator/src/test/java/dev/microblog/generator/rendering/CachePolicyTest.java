package dev.microblog.generator.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which objects the CDN may keep for long, and so owe an invalidation when they change. */
class CachePolicyTest {
  @Test
  void changing_pages_go_away_from_the_edge_by_themselves() {
    assertThat(CachePolicy.longAtTheEdge(CachePolicy.CHANGING.header())).isFalse();
    assertThat(CachePolicy.longAtTheEdge("no-store")).isFalse();
    assertThat(CachePolicy.longAtTheEdge("public, max-age=0, s-maxage=60")).isFalse();
  }

  @Test
  void archive_pages_and_objects_without_a_lifetime_stay_long() {
    assertThat(CachePolicy.longAtTheEdge(CachePolicy.ARCHIVE.header())).isTrue();
    assertThat(CachePolicy.longAtTheEdge("public, max-age=0, s-maxage=61")).isTrue();
    assertThat(CachePolicy.longAtTheEdge("public, max-age=3600")).isTrue();
    // CloudFront keeps an object without Cache-Control for its default TTL, a day.
    assertThat(CachePolicy.longAtTheEdge(null)).isTrue();
    // What the skeleton's generator wrote for changing pages: owed once, when next rewritten.
    assertThat(CachePolicy.longAtTheEdge("public, max-age=0, s-maxage=31536000, must-revalidate"))
        .isTrue();
  }
}
