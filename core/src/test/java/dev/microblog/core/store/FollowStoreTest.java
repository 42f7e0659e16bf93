package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.domain.NewUser;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private Store store;

  @BeforeEach
  void threeUsers() {
    store = TestTable.freshStore();
    for (String name : new String[] {"alice", "bob", "carol"}) {
      store.users().create(new NewUser(name, name + "@example.org", "h", NOW));
    }
  }

  @Test
  void following_records_the_edge_both_ways_with_the_counts() {
    assertThat(store.follows().follow("alice", "bob", NOW)).isTrue();
    assertThat(store.follows().follow("carol", "bob", NOW)).isTrue();

    assertThat(store.follows().isFollowing("alice", "bob")).isTrue();
    assertThat(store.follows().isFollowing("bob", "alice")).isFalse();
    assertThat(store.follows().following("alice")).containsExactly("bob");
    assertThat(store.follows().followers("bob")).containsExactly("alice", "carol");
    assertThat(store.users().find("bob").orElseThrow().followers()).isEqualTo(2);
    assertThat(store.users().find("alice").orElseThrow().following()).isEqualTo(1);
  }

  @Test
  void following_twice_changes_nothing() {
    store.follows().follow("alice", "bob", NOW);
    long before = TestTable.itemCount(store);

    assertThat(store.follows().follow("alice", "bob", NOW)).isFalse();
    assertThat(TestTable.itemCount(store)).isEqualTo(before);
    assertThat(store.users().find("bob").orElseThrow().followers()).isEqualTo(1);
  }

  @Test
  void unfollowing_removes_both_edges_and_the_counts() {
    store.follows().follow("alice", "bob", NOW);

    assertThat(store.follows().unfollow("alice", "bob")).isTrue();
    assertThat(store.follows().unfollow("alice", "bob")).isFalse();
    assertThat(store.follows().followers("bob")).isEmpty();
    assertThat(store.users().find("bob").orElseThrow().followers()).isZero();
    assertThat(store.users().find("alice").orElseThrow().following()).isZero();
  }

  @Test
  void following_an_unknown_user_is_refused_and_nothing_is_written() {
    long before = TestTable.itemCount(store);

    assertThatThrownBy(() -> store.follows().follow("alice", "nobody", NOW))
        .isInstanceOfSatisfying(
            NoSuchUser.class, e -> assertThat(e.username()).isEqualTo("nobody"));
    assertThat(TestTable.itemCount(store)).isEqualTo(before);
  }

  @Test
  void nobody_follows_themselves() {
    assertThatThrownBy(() -> store.follows().follow("alice", "alice", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
