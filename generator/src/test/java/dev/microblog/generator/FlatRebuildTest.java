package dev.microblog.generator;

import static dev.microblog.generator.StreamHandlerTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.state.SiteSnapshot;
import dev.microblog.generator.state.SiteState;
import dev.microblog.generator.state.StoreSiteState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild from the table keeps only a little per user and reads posts again as their pages are
 * rendered; the site it writes is byte for byte the one rendered from the whole table in memory.
 */
class FlatRebuildTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static LocalDynamo dynamo;
  private static Store store;

  @TempDir Path flat;
  @TempDir Path whole;

  @BeforeAll
  static void generateASite() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    store = Store.over(AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb(), "microblog");
    store.table().createIfMissing();
    Random random = new Random(5);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      String name = "user" + i;
      names.add(name);
      store.users().create(new NewUser(name, name + "@example.org", "hash", T0.plusSeconds(i)));
    }
    for (String follower : names.subList(0, 8)) { // user8 follows nobody
      List<String> others = new ArrayList<>(names);
      others.remove(follower);
      Collections.shuffle(others, random);
      for (String followee : others.subList(0, 1 + random.nextInt(5))) {
        store.follows().follow(follower, followee, T0.plusSeconds(50));
      }
    }
    // user0 writes more posts than a timeline keeps and than a read of posts holds; user7 and
    // user8 never post; some posts share a millisecond, so the tie-break decides their order;
    // user1's post 303 carries an earlier time than its post 301 (clocks of two function
    // instances disagree), so its numbers and times are not in the same order.
    Instant at = T0.plusSeconds(100);
    Instant sealAt = at;
    Instant skewed = at;
    for (int i = 0; i < 520; i++) {
      String author =
          i == 301 || i == 303 ? "user1" : i % 2 == 0 ? "user0" : names.get(1 + random.nextInt(6));
      if (random.nextInt(10) > 0) {
        at = at.plusMillis(1 + random.nextInt(3000));
      }
      if (i == 301) {
        skewed = at.minusMillis(1);
      }
      store.posts().create(author, "post <b>" + i + "</b> by " + author, i == 303 ? skewed : at);
      if (i == 400) {
        sealAt = at.plusMillis(1);
      }
    }
    // Part of it is numbered; the newest posts are not yet.
    store.explore().sealUpTo(sealAt);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static Map<String, String> rebuild(SiteState state, Path folder) {
    Generator.create(state, new DirectoryPublisher(folder), Invalidator.NONE)
        .builder()
        .rebuildAll();
    return files(folder);
  }

  @Test
  void aRebuildFromTheTableWritesWhatTheWholeSiteInMemoryRenders() {
    SiteSnapshot inMemory = SiteSnapshot.scan(store, 4);
    assertThat(inMemory.numberedCount()).isEqualTo(401);
    assertThat(inMemory.newestUnnumbered(20)).hasSize(20);

    Map<String, String> expected = rebuild(inMemory, whole);
    Map<String, String> actual = rebuild(new StoreSiteState(store), flat);

    assertThat(actual.keySet())
        .isEqualTo(expected.keySet())
        .contains(InEveryLocale.keys("users/user0/posts/260/index.html"))
        .contains("data/users/user0/following.json");
    expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
  }
}
