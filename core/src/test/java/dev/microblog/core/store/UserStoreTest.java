package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.SiteLocale;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private Store store;

  @BeforeEach
  void freshTable() {
    store = TestTable.freshStore();
  }

  @Test
  void a_new_user_has_an_empty_profile_and_a_stored_hash() {
    store.users().create(new NewUser("alice", "alice@example.org", "hash-a", NOW));

    var alice = store.users().find("alice").orElseThrow();
    assertThat(alice.joinedAt()).isEqualTo(NOW);
    assertThat(alice.postCount()).isZero();
    assertThat(store.users().passwordHash("alice")).contains("hash-a");
    assertThat(store.users().allUsernames()).containsExactly("alice");
  }

  @Test
  void a_user_keeps_the_language_they_signed_up_in() {
    store.users().create(new NewUser("amal", "amal@example.org", "h", NOW, SiteLocale.AR));
    store.users().create(new NewUser("bea", "bea@example.org", "h", NOW));

    assertThat(store.users().preferredLocale("amal")).isEqualTo(SiteLocale.AR);
    assertThat(store.users().preferredLocale("bea")).isEqualTo(SiteLocale.EN);
    assertThat(store.users().preferredLocale("nobody")).isEqualTo(SiteLocale.EN);
  }

  @Test
  void a_taken_username_is_refused_and_nothing_is_written() {
    store.users().create(new NewUser("alice", "alice@example.org", "h", NOW));
    long before = TestTable.itemCount(store);

    assertThatThrownBy(
            () -> store.users().create(new NewUser("alice", "other@example.org", "h", NOW)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.fields()).containsExactly(Conflict.Field.USERNAME));
    assertThat(TestTable.itemCount(store)).isEqualTo(before);
    assertThat(store.users().emailTaken("other@example.org")).isFalse();
  }

  @Test
  void an_email_address_is_unique_whatever_its_case() {
    store.users().create(new NewUser("alice", "Alice@Example.org", "h", NOW));

    assertThatThrownBy(
            () -> store.users().create(new NewUser("bob", "alice@example.ORG", "h", NOW)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.fields()).containsExactly(Conflict.Field.EMAIL));
    assertThat(store.users().exists("bob")).isFalse();
  }

  @Test
  void both_fields_are_reported_when_both_are_taken() {
    store.users().create(new NewUser("alice", "alice@example.org", "h", NOW));

    assertThatThrownBy(
            () -> store.users().create(new NewUser("alice", "alice@example.org", "h", NOW)))
        .isInstanceOfSatisfying(
            Conflict.class,
            c ->
                assertThat(c.fields())
                    .containsExactlyInAnyOrder(Conflict.Field.USERNAME, Conflict.Field.EMAIL));
  }
}
