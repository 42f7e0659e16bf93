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
        .contains(
            "assets/style.css",
            "assets/site.js",
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
            "users/alice/following.json",
            "users/bob/index.html",
            "users/bob/home/index.html",
            "users/bob/home/page/2/index.html",
            "users/bob/following.json");
    assertThat(files.keySet().stream().filter(k -> k.contains("/posts/"))).hasSize(25);
    assertThat(files).doesNotContainKey("users/bob/page/1/index.html"); // bob has not posted
    assertThat(report.written()).isEqualTo(files.size());
    assertThat(files.get("signup/index.html")).contains("action=\"/api/signup\"");
    assertThat(files.get("users/bob/following.json")).isEqualTo("[\"alice\"]");
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

    assertThat(report.created()).isEqualTo(1); // the new permalink: no CDN copy to drop
    assertThat(cdn.batches())
        .containsExactly(
            List.of(
                "/",
                "/page/1/",
                "/users/alice/",
                "/users/alice/home/",
                "/users/alice/page/1/",
                "/users/bob/home/"));
  }
}
