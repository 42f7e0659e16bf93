package dev.microblog.generator;

import static dev.microblog.generator.StreamHandlerTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.publishing.RecordingInvalidator;
import dev.microblog.generator.state.LiveSite;
import dev.microblog.generator.state.SiteSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeProcessorTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path folder;

  private final SiteSnapshot.Builder site =
      SiteSnapshot.builder().user("alice", T0).user("bob", T0);

  private static ChangeRecord unfollow(String follower, String followee) {
    Map<String, String> key = Map.of("pk", "USER#" + follower, "sk", "FOLLOWS#" + followee);
    return new ChangeRecord("7", "REMOVE", key, Map.of(), key);
  }

  @Test
  void an_unfollow_deletes_the_timeline_pages_beyond_its_new_last_page_and_invalidates_them() {
    site.follow("bob", "alice");
    for (int i = 1; i <= 45; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    LiveSite live = new LiveSite(site.build());
    RecordingInvalidator cdn = new RecordingInvalidator();
    Generator generator = Generator.create(live, new DirectoryPublisher(folder), cdn);
    generator.builder().rebuildAll();
    assertThat(files(folder)).containsKeys(InEveryLocale.keys("users/bob/home/page/3/index.html"));
    site.unfollow("bob", "alice");
    live.set(site.build());

    BatchReport report = generator.processor().process(List.of(unfollow("bob", "alice")));

    for (String tag : InEveryLocale.TAGS) {
      assertThat(files(folder).keySet())
          .noneMatch(k -> k.startsWith(tag + "/users/bob/home/page/"));
      assertThat(files(folder).get(tag + "/users/bob/home/index.html")).doesNotContain("post 45");
    }
    assertThat(report.deleted()).isEqualTo(2 * 3); // pages 2 and 3, in each language
    assertThat(cdn.batches().getLast())
        .contains(
            InEveryLocale.paths(
                "/users/bob/home/", "/users/bob/home/page/2/", "/users/bob/home/page/3/"));
  }

  @Test
  void the_explore_front_shows_the_batchs_post_even_before_the_explore_index_has_it() {
    site.post("alice", "older", T0);
    site.post("bob", "just written", T0.plusSeconds(5));
    SiteSnapshot table = site.build();
    // DynamoDB's index lags its table: the newest post is not in it yet.
    LiveSite lagging =
        new LiveSite(table) {
          @Override
          public List<dev.microblog.core.domain.Post> newestUnnumbered(int limit) {
            return table.newestUnnumbered(limit).stream()
                .filter(p -> !p.body().equals("just written"))
                .toList();
          }
        };
    Generator generator =
        Generator.create(lagging, new DirectoryPublisher(folder), Invalidator.NONE);
    Map<String, String> key = Map.of("pk", "USER#bob", "sk", "POST#0000000001");

    generator.processor().process(List.of(new ChangeRecord("9", "INSERT", key, key, Map.of())));

    for (String frontKey : InEveryLocale.keys("index.html")) {
      String front = files(folder).get(frontKey);
      assertThat(front).as(frontKey).contains("just written", "older");
      assertThat(front.indexOf("just written")).as(frontKey).isLessThan(front.indexOf("older"));
    }
  }

  @Test
  void a_batch_of_seals_is_reported_as_the_numberings_work_and_a_post_batch_is_not() {
    site.post("alice", "one", T0);
    Generator generator =
        Generator.create(
            new LiveSite(site.seal(T0.plusSeconds(1)).build()),
            new DirectoryPublisher(folder),
            Invalidator.NONE);
    Map<String, String> seal = Map.of("pk", "EXPLORE", "sk", "SEAL#000000000000001");
    Map<String, String> image = new java.util.HashMap<>(seal);
    image.put("first", "1");
    image.put("count", "1");
    Map<String, String> post = Map.of("pk", "USER#alice", "sk", "POST#0000000001");

    BatchReport sealed =
        generator
            .processor()
            .process(List.of(new ChangeRecord("1", "INSERT", seal, image, Map.of())));
    BatchReport posted =
        generator
            .processor()
            .process(List.of(new ChangeRecord("2", "INSERT", post, post, Map.of())));

    assertThat(sealed.onlyNumbering()).isTrue();
    assertThat(files(folder)).containsKeys(InEveryLocale.keys("page/1/index.html"));
    assertThat(posted.onlyNumbering()).isFalse();
  }

  @Test
  void paths_whose_invalidation_failed_are_sent_with_the_next_batch() {
    site.post("alice", "one", T0);
    LiveSite live = new LiveSite(site.build());
    List<List<String>> sent = new ArrayList<>();
    boolean[] cdnDown = {false};
    Invalidator flaky =
        paths -> {
          if (cdnDown[0]) {
            throw new IllegalStateException("CloudFront is down");
          }
          sent.add(paths);
        };
    Generator generator = Generator.create(live, new DirectoryPublisher(folder), flaky);
    generator.builder().rebuildAll();
    site.post("alice", "two", T0.plusSeconds(1));
    live.set(site.build());
    Map<String, String> key = Map.of("pk", "USER#alice", "sk", "POST#0000000002");
    ChangeRecord post = new ChangeRecord("9", "INSERT", key, key, Map.of());

    cdnDown[0] = true;
    BatchReport failed = generator.processor().process(List.of(post));
    cdnDown[0] = false;
    BatchReport retried = generator.processor().process(List.of(post));

    assertThat(failed.failedAt()).isEqualTo("9");
    assertThat(retried.written()).isZero(); // the pages were already there
    assertThat(retried.failed()).isFalse();
    assertThat(sent.getLast())
        .contains(InEveryLocale.paths("/", "/users/alice/", "/users/alice/home/"));
  }
}
