package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The site's numbering: posts are numbered in time order by seals, once their minute is past, with
 * no item that every post writes; numbered posts never move.
 */
class ExploreStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-25T23:59:00Z");
  private Store store;

  @BeforeEach
  void twoUsers() {
    store = TestTable.freshStore();
    store.users().create(new NewUser("alice", "a@example.org", "h", T0));
    store.users().create(new NewUser("bob", "b@example.org", "h", T0));
  }

  private Post post(String author, String body, Duration after) {
    return store.posts().create(author, body, T0.plus(after));
  }

  @Test
  void nothing_is_numbered_before_the_first_seal() {
    post("alice", "a1", Duration.ZERO);

    assertThat(store.explore().progress()).isEmpty();
    assertThat(store.explore().newestUnnumbered(T0.plusSeconds(5), 20))
        .extracting(Post::body)
        .containsExactly("a1");
  }

  @Test
  void a_step_writes_one_seal_and_the_progress_without_a_transaction() {
    post("alice", "a0", Duration.ZERO);
    long before = TestTable.itemCount(store);

    store.explore().sealUpTo(T0.plusSeconds(5));

    assertThat(TestTable.itemCount(store)).isEqualTo(before + 2);
  }

  @Test
  void a_seal_numbers_the_posts_before_its_end_in_time_order_across_shards_and_days() {
    // Across midnight, so two days' buckets, and enough posts to use several shards.
    for (int i = 0; i < 30; i++) {
      post(i % 2 == 0 ? "alice" : "bob", "p" + i, Duration.ofSeconds(4 * i));
    }

    var seals = store.explore().sealUpTo(T0.plusSeconds(60));

    // Posts at 0, 4, … 56 s: fifteen of them come before the end.
    assertThat(seals).hasSize(1);
    assertThat(seals.getFirst().first()).isEqualTo(1);
    assertThat(seals.getFirst().posts()).hasSize(15);
    assertThat(store.explore().progress().orElseThrow().numbered()).isEqualTo(15);
    assertThat(store.explore().numbered(1, 15))
        .extracting(Post::body)
        .containsExactly(
            "p14", "p13", "p12", "p11", "p10", "p9", "p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1",
            "p0");
    assertThat(store.explore().newestUnnumbered(T0.plusSeconds(200), 3))
        .extracting(Post::body)
        .containsExactly("p29", "p28", "p27");
  }

  @Test
  void later_seals_continue_the_numbers_and_ranges_read_across_seals() {
    for (int i = 0; i < 6; i++) {
      post("alice", "a" + i, Duration.ofSeconds(10 * i));
    }
    store.explore().sealUpTo(T0.plusSeconds(25)); // a0 a1 a2
    store.explore().sealUpTo(T0.plusSeconds(25)); // nothing new
    store.explore().sealUpTo(T0.plusSeconds(45)); // a3 a4

    assertThat(store.explore().progress().orElseThrow().numbered()).isEqualTo(5);
    assertThat(store.explore().numbered(2, 4))
        .extracting(Post::body)
        .containsExactly("a3", "a2", "a1");
    assertThat(store.explore().numbered(5, 5)).extracting(Post::body).containsExactly("a4");
    assertThat(store.explore().newestUnnumbered(T0.plusSeconds(100), 20))
        .extracting(Post::body)
        .containsExactly("a5");
  }

  @Test
  void sealers_racing_for_the_same_minute_number_each_post_once() throws Exception {
    for (int i = 0; i < 12; i++) {
      post(i % 2 == 0 ? "alice" : "bob", "p" + i, Duration.ofSeconds(i));
    }
    var pool = Executors.newFixedThreadPool(4);
    List<Future<List<ExploreStore.Seal>>> sealers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sealers.add(
          pool.submit(
              (Callable<List<ExploreStore.Seal>>)
                  () -> store.explore().sealUpTo(T0.plusSeconds(30))));
    }
    for (var sealer : sealers) {
      sealer.get();
    }
    pool.shutdown();

    assertThat(store.explore().progress().orElseThrow().numbered()).isEqualTo(12);
    assertThat(store.explore().numbered(1, 12))
        .extracting(Post::body)
        .containsExactly("p11", "p10", "p9", "p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1", "p0");
  }

  @Test
  void seals_a_sealer_left_without_moving_the_progress_are_adopted_not_forked() {
    for (int i = 0; i < 4; i++) {
      post("alice", "a" + i, Duration.ofSeconds(10 * i));
    }
    store.explore().sealUpTo(T0.plusSeconds(15)); // a0 a1
    // A sealer numbered a2 up to 25 s, then stopped before moving the progress.
    var left = new ExploreStore.Seal(3, List.of(new PostId("alice", 3)));
    store
        .table()
        .client()
        .putItem(
            b ->
                b.tableName(store.table().name())
                    .item(ExploreStore.sealItem(left, T0.plusSeconds(25))));

    // The next one, further on, takes those numbers as they are, then goes on from there.
    store.explore().sealUpTo(T0.plusSeconds(45));
    store.explore().sealUpTo(T0.plusSeconds(45));

    assertThat(store.explore().progress().orElseThrow().numbered()).isEqualTo(4);
    assertThat(store.explore().numbered(1, 4))
        .extracting(Post::body)
        .containsExactly("a3", "a2", "a1", "a0");
  }

  @Test
  void more_posts_than_one_seal_item_holds_are_split_over_consecutive_seals() {
    store = TestTable.freshStore();
    try (SiteImport importer = store.importer()) {
      importer.user(new NewUser("alice", "a@example.org", "h", T0.minusSeconds(20_000)));
      for (int i = 0; i < ExploreStore.SEAL_POSTS + 5; i++) {
        importer.post("alice", "p" + i, T0.minusSeconds(10_000 - i));
      }
    }

    var progress = store.explore().progress().orElseThrow();
    assertThat(progress.numbered()).isEqualTo(ExploreStore.SEAL_POSTS + 5);
    assertThat(store.explore().numbered(999, 1002))
        .extracting(Post::body)
        .containsExactly("p1001", "p1000", "p999", "p998");
  }
}
