package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private Store store;

  @BeforeEach
  void twoUsers() {
    store = TestTable.freshStore();
    store.users().create(new NewUser("alice", "a@example.org", "h", NOW));
    store.users().create(new NewUser("bob", "b@example.org", "h", NOW));
  }

  @Test
  void posts_are_numbered_per_author_and_per_site() {
    Post first = store.posts().create("alice", "one", NOW);
    Post second = store.posts().create("bob", "two", NOW);
    Post third = store.posts().create("alice", "three", NOW);

    assertThat(List.of(first.seq(), second.seq(), third.seq())).containsExactly(1L, 1L, 2L);
    assertThat(List.of(first.siteSeq(), second.siteSeq(), third.siteSeq()))
        .containsExactly(1L, 2L, 3L);
    assertThat(store.users().find("alice").orElseThrow().postCount()).isEqualTo(2);
    assertThat(store.users().sitePostCount()).isEqualTo(3);
  }

  @Test
  void concurrent_posts_get_every_number_exactly_once() throws Exception {
    var pool = Executors.newFixedThreadPool(4);
    List<Future<Post>> futures = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String author = i % 2 == 0 ? "alice" : "bob";
      String body = "post " + i;
      futures.add(pool.submit((Callable<Post>) () -> store.posts().create(author, body, NOW)));
    }
    List<Post> posts = new ArrayList<>();
    for (var f : futures) {
      posts.add(f.get());
    }
    pool.shutdown();

    assertThat(posts.stream().map(Post::siteSeq))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 24).boxed().toList());
    assertThat(posts.stream().filter(p -> p.author().equals("alice")).map(Post::seq))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
  }

  @Test
  void a_post_by_an_unknown_author_is_refused_and_nothing_is_written() {
    long before = TestTable.itemCount(store);

    assertThatThrownBy(() -> store.posts().create("nobody", "hello", NOW))
        .isInstanceOf(NoSuchUser.class);
    assertThat(TestTable.itemCount(store)).isEqualTo(before);
  }

  @Test
  void pages_are_read_by_number_range_newest_first() {
    for (int i = 1; i <= 5; i++) {
      store.posts().create("alice", "a" + i, NOW.plusSeconds(i));
      store.posts().create("bob", "b" + i, NOW.plusSeconds(i));
    }

    assertThat(store.posts().byAuthor("alice", 2, 4).stream().map(Post::body))
        .containsExactly("a4", "a3", "a2");
    assertThat(store.posts().explore(9, 10).stream().map(Post::body)).containsExactly("b5", "a5");
    assertThat(store.posts().find("bob", 3)).map(Post::body).contains("b3");
  }

  @Test
  void the_latest_posts_of_several_authors_merge_in_site_order() {
    for (int i = 1; i <= 3; i++) {
      store.posts().create("alice", "a" + i, NOW);
      store.posts().create("bob", "b" + i, NOW);
    }

    assertThat(store.posts().latestOf(List.of("alice", "bob"), 4).stream().map(Post::body))
        .containsExactly("b3", "a3", "b2", "a2");
  }
}
