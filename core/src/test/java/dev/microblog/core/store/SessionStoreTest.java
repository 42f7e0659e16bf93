package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
  /**
   * Now, not a fixed date: the local DynamoDB's TTL sweeper deletes items that expired by the real
   * clock, so a session "live" at a date in the past could vanish mid-test.
   */
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private final Store store = TestTable.freshStore();

  @Test
  void a_live_session_names_its_user_until_it_expires() {
    store.sessions().create("hash1", "alice", NOW.plusSeconds(60));

    assertThat(store.sessions().user("hash1", NOW)).contains("alice");
    assertThat(store.sessions().user("hash1", NOW.plusSeconds(61))).isEmpty();
    assertThat(store.sessions().user("other", NOW)).isEmpty();
  }

  @Test
  void a_deleted_session_is_gone() {
    store.sessions().create("hash2", "alice", NOW.plusSeconds(60));
    store.sessions().delete("hash2");

    assertThat(store.sessions().user("hash2", NOW)).isEmpty();
  }
}
