package dev.microblog.generator;

import static dev.microblog.generator.StreamHandlerTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.RecordingInvalidator;
import dev.microblog.generator.state.LiveSite;
import dev.microblog.generator.state.SiteSnapshot;
import dev.microblog.generator.state.SiteState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path folder;

  private final SiteSnapshot.Builder site =
      SiteSnapshot.builder().user("alice", T0).user("bob", T0);
  private final RecordingInvalidator cdn = new RecordingInvalidator();

  private Generator generator(SiteState state) {
    return Generator.create(state, new DirectoryPublisher(folder), cdn);
  }

  @Test
  void a_full_build_publishes_every_page_the_assets_and_the_site_pages() {
    for (int i = 1; i <= 25; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    site.follow("bob", "alice");
    site.seal(T0.plusSeconds(26));

    BatchReport report = generator(site.build()).builder().rebuildAll();

    Map<String, String> files = files(folder);
    assertThat(files.keySet())
        .contains("assets/style.css", "assets/site.js")
        .contains("data/users/alice/following.json", "data/users/bob/following.json")
        .contains("robots.txt", "favicon.ico", "sitemap.xml")
        .contains(
            InEveryLocale.keys(
                "feed.xml", "users/alice/feed.xml", "users/bob/feed.xml", "sitemaps/posts-0.xml"))
        .contains(
            InEveryLocale.keys(
                "signup/index.html",
                "login/index.html",
                "404.html",
                "index.html",
                "page/1/index.html",
                "page/2/index.html",
                "users/alice/index.html",
                "users/alice/page/1/index.html",
                "users/alice/page/2/index.html",
                "users/alice/posts/1/index.html",
                "users/alice/posts/25/index.html",
                "users/alice/home/index.html",
                "users/alice/home/page/2/index.html",
                "users/bob/index.html",
                "users/bob/home/index.html",
                "users/bob/home/page/2/index.html"));
    // the assets and the data files are written once, not per language
    assertThat(files.keySet()).noneMatch(k -> k.matches("(en|es|ar)/(assets|data)/.*"));
    assertThat(files.keySet().stream().filter(k -> k.contains("/posts/"))).hasSize(25 * 3);
    // bob has not posted
    assertThat(files).doesNotContainKeys(InEveryLocale.keys("users/bob/page/1/index.html"));
    assertThat(report.written()).isEqualTo(files.size());
    assertThat(files.get("en/signup/index.html")).contains("action=\"/api/signup?locale=en\"");
    assertThat(files.get("es/signup/index.html")).contains("action=\"/api/signup?locale=es\"");
    assertThat(files.get("ar/signup/index.html")).contains("action=\"/api/signup?locale=ar\"");
    assertThat(files.get("data/users/bob/following.json")).isEqualTo("[\"alice\"]");
  }

  @Test
  void a_second_build_of_the_same_site_writes_and_invalidates_nothing() {
    site.post("alice", "hello", T0);
    Generator generator = generator(site.build());
    generator.builder().rebuildAll();

    BatchReport again = generator.builder().rebuildAll();

    assertThat(again.written()).isZero();
    assertThat(again.unchanged()).isEqualTo(files(folder).size());
    assertThat(cdn.paths()).isEmpty();
  }

  @Test
  void a_build_after_a_post_invalidates_exactly_the_pages_it_changed() {
    site.follow("bob", "alice");
    site.post("alice", "first", T0);
    site.seal(T0.plusSeconds(1));
    LiveSite live = new LiveSite(site.build());
    Generator generator = generator(live);
    generator.builder().rebuildAll();
    site.post("alice", "second", T0.plusSeconds(60));
    live.set(site.seal(T0.plusSeconds(61)).build());

    BatchReport report = generator.builder().rebuildAll();

    // the new permalink, in each language: no CDN copy to drop
    assertThat(report.created()).isEqualTo(3);
    // the feeds and the sitemap block gain the post; the sitemap index still lists one block
    // per language, and robots.txt and the favicon stay as they were
    assertThat(cdn.batches())
        .containsExactly(
            List.of(
                "/ar/",
                "/ar/feed.xml",
                "/ar/page/1/",
                "/ar/sitemaps/posts-0.xml",
                "/ar/users/alice/",
                "/ar/users/alice/feed.xml",
                "/ar/users/alice/home/",
                "/ar/users/alice/page/1/",
                "/ar/users/bob/home/",
                "/en/",
                "/en/feed.xml",
                "/en/page/1/",
                "/en/sitemaps/posts-0.xml",
                "/en/users/alice/",
                "/en/users/alice/feed.xml",
                "/en/users/alice/home/",
                "/en/users/alice/page/1/",
                "/en/users/bob/home/",
                "/es/",
                "/es/feed.xml",
                "/es/page/1/",
                "/es/sitemaps/posts-0.xml",
                "/es/users/alice/",
                "/es/users/alice/feed.xml",
                "/es/users/alice/home/",
                "/es/users/alice/page/1/",
                "/es/users/bob/home/"));
  }
}
