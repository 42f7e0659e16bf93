package dev.microblog.generator;

import static dev.microblog.generator.StreamHandlerTest.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.state.LiveSite;
import dev.microblog.generator.state.SiteSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The generator's promise: after a write, the pages it re-renders from the stream leave the
 * published site exactly as a full rebuild of the new state would, and it writes only what differs.
 */
class IncrementalUpdateProperties {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  /** One write, as the functions would make it, with the stream records it produces. */
  sealed interface Write {
    record NewPost(int author) implements Write {}

    record Follow(int follower, int followee) implements Write {}

    record Unfollow(int follower, int followee) implements Write {}

    record NewUser() implements Write {}

    /** The generator numbers every post written so far (a seal, which comes back as a record). */
    record Seal() implements Write {}
  }

  record Scenario(int users, List<Integer> postAuthors, List<List<Integer>> follows, Write write) {}

  /** Two to four users, up to 70 posts and 6 follows, then one write of any kind. */
  private static Gen<Scenario> scenarios() {
    return integers()
        .between(2, 4)
        .flatMap(
            users -> {
              Gen<Integer> user = integers().between(0, users - 1);
              Gen<List<Integer>> pair =
                  user.zip(
                      integers().between(0, users - 2), (a, b) -> List.of(a, b >= a ? b + 1 : b));
              Gen<Write> newPost = user.map(Write.NewPost::new);
              Gen<Write> follow = pair.map(p -> new Write.Follow(p.get(0), p.get(1)));
              Gen<Write> unfollow = pair.map(p -> new Write.Unfollow(p.get(0), p.get(1)));
              Gen<Write> write =
                  Generate.oneOf(
                      newPost,
                      follow,
                      unfollow,
                      Generate.constant(new Write.NewUser()),
                      Generate.constant(new Write.Seal()));
              return lists()
                  .of(user)
                  .ofSizeBetween(0, 70)
                  .zip(
                      lists().of(pair).ofSizeBetween(0, 6),
                      write,
                      (posts, follows, w) -> new Scenario(users, posts, follows, w));
            });
  }

  @Test
  void the_pages_a_write_rerenders_leave_the_site_as_a_full_rebuild_would() {
    qt().withExamples(25)
        .forAll(scenarios())
        .checkAssert(
            scenario -> {
              try {
                rerenderAndRebuild(scenario);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static void rerenderAndRebuild(Scenario scenario) throws IOException {
    SiteSnapshot.Builder site = SiteSnapshot.builder();
    for (int i = 0; i < scenario.users(); i++) {
      site.user(name(i), T0);
    }
    int minute = 0;
    for (int author : scenario.postAuthors()) {
      site.post(name(author), "post " + minute, T0.plusSeconds(60L * ++minute));
    }
    // The older half of the posts is numbered already, so the explore front spans both kinds.
    site.seal(T0.plusSeconds(60L * (minute / 2) + 1));
    scenario.follows().forEach(f -> site.follow(name(f.get(0)), name(f.get(1))));
    LiveSite live = new LiveSite(site.build());
    Path incremental = Files.createTempDirectory("incremental");
    Path rebuilt = Files.createTempDirectory("rebuilt");
    try {
      Generator generator =
          Generator.create(live, new DirectoryPublisher(incremental), Invalidator.NONE);
      generator.builder().rebuildAll();
      Map<String, String> before = files(incremental);

      List<ChangeRecord> records = apply(scenario.write(), site, scenario.users());
      live.set(site.build());
      BatchReport report = generator.processor().process(records);
      Generator.create(live, new DirectoryPublisher(rebuilt), Invalidator.NONE)
          .builder()
          .rebuildAll();

      Map<String, String> after = files(rebuilt);
      // Everything but the timelines of those who did not write is as a rebuild has it; those are
      // pulled when their owners ask for them.
      String writer = writer(scenario.write(), scenario.users());
      Predicate<String> pulled = key -> isTimeline(key) && !isTimelineOf(key, writer);
      assertThat(without(files(incremental), pulled)).isEqualTo(without(after, pulled));
      long differing =
          after.keySet().stream()
              .filter(k -> !pulled.test(k) && !after.get(k).equals(before.get(k)))
              .count();
      long gone =
          before.keySet().stream().filter(k -> !pulled.test(k) && !after.containsKey(k)).count();
      assertThat(report.written()).isEqualTo(differing);
      assertThat(report.deleted()).isEqualTo(gone);

      // Once every reader has asked for their timeline, the whole site is the rebuild.
      List<ChangeRecord> asks = new ArrayList<>();
      for (int i = 0; i <= scenario.users(); i++) {
        asks.add(insert("USER#" + name(i), "HOME", Map.of("requestedAt", "1")));
      }
      generator.processor().process(asks);
      assertThat(files(incremental)).isEqualTo(after);
    } finally {
      delete(incremental);
      delete(rebuilt);
    }
  }

  /** Whose own view the write changes: the author, the follower, the new user. */
  private static String writer(Write write, int users) {
    return switch (write) {
      case Write.NewPost p -> name(p.author());
      case Write.Follow f -> name(f.follower());
      case Write.Unfollow u -> name(u.follower());
      case Write.NewUser n -> name(users);
      case Write.Seal s -> "";
    };
  }

  /** A timeline page, in any of the site's languages. */
  private static boolean isTimeline(String key) {
    return key.matches("(en|es|ar)/users/[^/]+/home/.*");
  }

  private static boolean isTimelineOf(String key, String user) {
    return key.matches("(en|es|ar)/users/" + user + "/home/.*");
  }

  private static Map<String, String> without(Map<String, String> files, Predicate<String> drop) {
    Map<String, String> kept = new java.util.TreeMap<>(files);
    kept.keySet().removeIf(drop);
    return kept;
  }

  /** Applies the write to the site and returns the stream records the table would emit. */
  private static List<ChangeRecord> apply(Write write, SiteSnapshot.Builder site, int users) {
    List<ChangeRecord> records = new ArrayList<>();
    switch (write) {
      case Write.NewPost p -> {
        var post = site.post(name(p.author()), "new post", T0.plusSeconds(86_400));
        records.add(insert("USER#" + post.author(), "POST#%010d".formatted(post.seq()), Map.of()));
      }
      case Write.Follow f -> {
        site.follow(name(f.follower()), name(f.followee()));
        records.add(
            insert("USER#" + name(f.follower()), "FOLLOWS#" + name(f.followee()), Map.of()));
        records.add(
            insert("USER#" + name(f.followee()), "FOLLOWER#" + name(f.follower()), Map.of()));
        records.add(counters("USER#" + name(f.follower())));
        records.add(counters("USER#" + name(f.followee())));
      }
      case Write.Unfollow u -> {
        site.unfollow(name(u.follower()), name(u.followee()));
        records.add(remove("USER#" + name(u.follower()), "FOLLOWS#" + name(u.followee())));
        records.add(counters("USER#" + name(u.follower())));
      }
      case Write.NewUser n -> {
        site.user(name(users), T0.plusSeconds(86_400));
        records.add(insert("USER#" + name(users), "PROFILE", Map.of("followers", "0")));
      }
      case Write.Seal s -> {
        long before = site.build().numberedCount();
        long after = site.seal(T0.plusSeconds(2 * 86_400)).build().numberedCount();
        records.add(
            insert(
                "EXPLORE",
                "SEAL#%015d".formatted(before + 1),
                Map.of(
                    "first", Long.toString(before + 1), "count", Long.toString(after - before))));
      }
    }
    return records;
  }

  private static ChangeRecord insert(String pk, String sk, Map<String, String> attributes) {
    Map<String, String> image = new java.util.HashMap<>(attributes);
    image.put("pk", pk);
    image.put("sk", sk);
    return new ChangeRecord(seq(), "INSERT", Map.of("pk", pk, "sk", sk), image, Map.of());
  }

  private static ChangeRecord remove(String pk, String sk) {
    Map<String, String> key = Map.of("pk", pk, "sk", sk);
    return new ChangeRecord(seq(), "REMOVE", key, Map.of(), key);
  }

  /** A profile whose counters moved: affects no page by itself. */
  private static ChangeRecord counters(String pk) {
    Map<String, String> key = Map.of("pk", pk, "sk", "PROFILE");
    Map<String, String> old = new java.util.HashMap<>(key);
    old.put("followers", "1");
    Map<String, String> now = new java.util.HashMap<>(key);
    now.put("followers", "2");
    return new ChangeRecord(seq(), "MODIFY", key, now, old);
  }

  private static int sequence;

  private static String seq() {
    return Integer.toString(++sequence);
  }

  private static String name(int i) {
    return "user" + i;
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(IncrementalUpdateProperties::deleteQuietly);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
