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
  void posts_are_numbered_per_author_and_the_count_is_the_newest_number() {
    Post first = store.posts().create("alice", "one", NOW);
    Post second = store.posts().create("bob", "two", NOW);
    Post third = store.posts().create("alice", "three", NOW);

    assertThat(List.of(first.seq(), second.seq(), third.seq())).containsExactly(1L, 1L, 2L);
    assertThat(store.users().find("alice").orElseThrow().postCount()).isEqualTo(2);
    assertThat(store.posts().count("bob")).isEqualTo(1);
  }

  @Test
  void a_post_writes_its_own_item_and_nothing_else() {
    long before = TestTable.itemCount(store);

    store.posts().create("alice", "one", NOW);

    assertThat(TestTable.itemCount(store)).isEqualTo(before + 1);
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

    assertThat(posts.stream().filter(p -> p.author().equals("alice")).map(Post::seq))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
    assertThat(posts.stream().filter(p -> p.author().equals("bob")).map(Post::seq))
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
    assertThat(store.posts().find("bob", 3)).map(Post::body).contains("b3");
  }

  @Test
  void the_latest_posts_of_several_authors_merge_newest_first() {
    for (int i = 1; i <= 3; i++) {
      store.posts().create("alice", "a" + i, NOW.plusSeconds(2 * i));
      store.posts().create("bob", "b" + i, NOW.plusSeconds(2 * i + 1));
    }

    assertThat(store.posts().latestOf(List.of("alice", "bob"), 4).stream().map(Post::body))
        .containsExactly("b3", "a3", "b2", "a2");
  }

  @Test
  void posts_of_one_millisecond_still_have_one_order_by_author_then_number() {
    store.posts().create("alice", "a1", NOW);
    store.posts().create("bob", "b1", NOW);
    store.posts().create("alice", "a2", NOW);

    assertThat(store.posts().latestOf(List.of("alice", "bob"), 3).stream().map(Post::body))
        .containsExactly("b1", "a2", "a1");
  }

  @Test
  void a_post_keeps_its_language_and_the_author_posts_list_it_too() {
    Post created = store.posts().create("alice", "¿Qué tal?", NOW, "es");

    assertThat(created.lang()).isEqualTo("es");
    assertThat(store.posts().find("alice", 1).orElseThrow().lang()).isEqualTo("es");
    assertThat(store.posts().byAuthor("alice", 1, 1)).extracting(Post::lang).containsExactly("es");
  }

  @Test
  void a_post_item_without_a_language_reads_as_undetermined() {
    // As posts written before languages were recorded are stored: no lang attribute.
    var item = PostStore.postItem(new Post("alice", 1, "old", NOW, "en"));
    item.remove("lang");
    store.table().client().putItem(p -> p.tableName(store.table().name()).item(item));

    assertThat(store.posts().find("alice", 1).orElseThrow().lang()).isEqualTo("und");
  }

  @Test
  void a_post_of_unknown_language_is_stored_as_undetermined() {
    store.posts().create("alice", "ok", NOW);

    assertThat(store.posts().find("alice", 1).orElseThrow().lang()).isEqualTo("und");
  }
}
