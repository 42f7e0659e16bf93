package dev.microblog.generator.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full rebuild reads the table with one segmented Scan: on a generated site (written through the
 * store as the functions write it) that snapshot answers every question exactly as the snapshot
 * read user by user with queries does.
 */
class ScannedSnapshotTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static LocalDynamo dynamo;
  private static Store store;
  private static List<String> names = new ArrayList<>();

  @BeforeAll
  static void generateASite() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    store = Store.over(AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb(), "microblog");
    store.table().createIfMissing();
    Random random = new Random(11);
    for (int i = 0; i < 7; i++) {
      String name = "user" + i;
      names.add(name);
      store.users().create(new NewUser(name, name + "@example.org", "hash", T0.plusSeconds(i)));
    }
    for (String follower : names.subList(0, 6)) { // user6 follows nobody
      List<String> others = new ArrayList<>(names);
      others.remove(follower);
      Collections.shuffle(others, random);
      for (String followee : others.subList(0, 1 + random.nextInt(4))) {
        store.follows().follow(follower, followee, T0.plusSeconds(50));
      }
    }
    for (int i = 0; i < 47; i++) { // user5 and user6 never post
      store.posts().create(names.get(random.nextInt(5)), "post <b>" + i, T0.plusSeconds(100 + i));
    }
    // The generator has numbered the first 40.
    store.explore().sealUpTo(T0.plusSeconds(140));
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  @Test
  void theScannedSnapshotEqualsTheOneReadByQueries() {
    SiteSnapshot queried =
        SiteSnapshot.load(
            new StoreSiteState(store, java.time.Clock.fixed(T0.plusSeconds(200), ZoneOffset.UTC)),
            4);
    for (int segments : new int[] {1, 3, 8}) {
      SiteSnapshot scanned = SiteSnapshot.scan(store, segments);
      assertThat(scanned.usernames()).isEqualTo(queried.usernames()).hasSize(7);
      assertThat(scanned.numberedCount()).isEqualTo(queried.numberedCount()).isEqualTo(40);
      assertThat(scanned.numberedUntil()).isEqualTo(queried.numberedUntil());
      assertThat(scanned.explore(1, 40)).isEqualTo(queried.explore(1, 40)).hasSize(40);
      assertThat(scanned.explore(21, 40)).isEqualTo(queried.explore(21, 40));
      assertThat(scanned.newestUnnumbered(20))
          .isEqualTo(queried.newestUnnumbered(20))
          .extracting(Post::body)
          .containsExactly(
              "post <b>46",
              "post <b>45",
              "post <b>44",
              "post <b>43",
              "post <b>42",
              "post <b>41",
              "post <b>40");
      for (String name : names) {
        assertThat(scanned.user(name)).isEqualTo(queried.user(name)).isPresent();
        assertThat(scanned.following(name)).isEqualTo(queried.following(name));
        assertThat(scanned.followers(name)).isEqualTo(queried.followers(name));
        assertThat(scanned.postsBy(name, 1, 100)).isEqualTo(queried.postsBy(name, 1, 100));
        assertThat(scanned.post(name, 2)).isEqualTo(queried.post(name, 2));
        List<String> authors = new ArrayList<>(List.of(name));
        authors.addAll(queried.following(name));
        assertThat(scanned.latestOf(authors, 10)).isEqualTo(queried.latestOf(authors, 10));
      }
    }
  }

  @Test
  void aRebuildFromTheTableReadsItByScan() {
    assertThat(new StoreSiteState(store).snapshot(4).explore(1, 47))
        .isEqualTo(SiteSnapshot.scan(store, 1).explore(1, 47));
  }
}
