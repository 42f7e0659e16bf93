package dev.microblog.generator.rendering.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SitemapSplitterTest {
  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  private static List<SitemapUrl> posts(int count) {
    List<SitemapUrl> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      urls.addAll(SitemapUrl.localized(SitemapRendererTest.profile("alice/" + i), "en", T));
    }
    return urls;
  }

  @Test
  void the_protocol_s_limits() {
    assertThat(SitemapLimits.PROTOCOL)
        .isEqualTo(new SitemapLimits(50_000, 50L * 1024 * 1024, 50_000));
  }

  @Test
  void no_urls_make_no_sitemaps() {
    assertThat(new SitemapSplitter().split(List.of())).isEmpty();
  }

  @Test
  void urls_within_the_limits_make_one_sitemap() {
    List<SitemapUrl> urls = posts(1_000);
    assertThat(new SitemapSplitter().split(urls)).containsExactly(urls);
  }

  @Test
  void a_run_holds_at_most_the_url_limit() {
    List<SitemapUrl> urls = posts(7); // 21 URLs
    List<List<SitemapUrl>> runs =
        new SitemapSplitter(new SitemapLimits(10, 1_000_000, 10)).split(urls);

    assertThat(runs).extracting(List::size).containsExactly(10, 10, 1);
    assertThat(runs.stream().flatMap(List::stream).toList()).isEqualTo(urls);
  }

  @Test
  void runs_fill_files_to_the_byte_limit_and_no_further() {
    qt().withExamples(40)
        .forAll(integers().between(0, 40), integers().between(1_500, 6_000))
        .checkAssert(
            (pages, maxBytes) -> {
              List<SitemapUrl> urls = posts(pages);
              List<List<SitemapUrl>> runs =
                  new SitemapSplitter(new SitemapLimits(50_000, maxBytes, 50_000)).split(urls);

              assertThat(runs.stream().flatMap(List::stream).toList()).isEqualTo(urls);
              for (int i = 0; i < runs.size(); i++) {
                List<SitemapUrl> run = runs.get(i);
                assertThat(run).isNotEmpty();
                assertThat(SitemapRenderer.urlset(run).length).isLessThanOrEqualTo(maxBytes);
                assertThat(Schemas.errors(Schemas.SITEMAP, SitemapRenderer.urlset(run))).isEmpty();
                if (i + 1 < runs.size()) {
                  List<SitemapUrl> oneMore = new ArrayList<>(run);
                  oneMore.add(runs.get(i + 1).get(0));
                  assertThat(SitemapRenderer.urlset(oneMore).length)
                      .as("the next URL would not have fitted")
                      .isGreaterThan(maxBytes);
                }
              }
            });
  }

  @Test
  void a_url_too_large_for_any_file_is_refused() {
    List<SitemapUrl> urls = posts(1);
    assertThatThrownBy(() -> new SitemapSplitter(new SitemapLimits(10, 500, 10)).split(urls))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://blog.example/en/alice/0/");
  }

  @Test
  void an_index_holds_at_most_the_sitemap_limit() {
    List<SitemapRef> three =
        IntStream.range(0, 3)
            .mapToObj(i -> new SitemapRef("https://blog.example/sitemap-posts-" + i + ".xml", T))
            .toList();
    SitemapSplitter splitter = new SitemapSplitter(new SitemapLimits(10, 1_000_000, 3));

    byte[] index = splitter.index(three);
    assertThat(Schemas.errors(Schemas.SITEMAP_INDEX, index)).isEmpty();
    List<SitemapRef> four = new ArrayList<>(three);
    four.add(new SitemapRef("https://blog.example/sitemap-posts-3.xml", T));
    assertThatThrownBy(() -> splitter.index(four)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void an_index_larger_than_a_file_may_be_is_refused() {
    List<SitemapRef> three =
        IntStream.range(0, 3)
            .mapToObj(i -> new SitemapRef("https://blog.example/sitemap-posts-" + i + ".xml", T))
            .toList();
    int size = SitemapRenderer.index(three).length;

    assertThat(new SitemapSplitter(new SitemapLimits(10, size, 10)).index(three)).hasSize(size);
    assertThatThrownBy(() -> new SitemapSplitter(new SitemapLimits(10, size - 1, 10)).index(three))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
