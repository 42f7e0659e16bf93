package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.gateway.Faults;
import dev.microblog.gateway.Faults.Kind;
import dev.microblog.gateway.LocalDynamo;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store against what real DynamoDB does and dynalite never does on its own: transactions
 * cancelled by conflicts, and a connection reset after a write was applied (the SDK then sends it
 * again). Every write either happens exactly once or not at all, and says which.
 */
class StoreUnderFaultsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static LocalDynamo dynamo;
  private static DynamoDbClient client;
  private Store store;

  @BeforeAll
  static void start() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  @BeforeEach
  void twoUsers() {
    store = Store.over(client, "f" + UUID.randomUUID().toString().substring(0, 8));
    store.table().createIfMissing();
    store.users().create(new NewUser("alice", "a@example.org", "h", NOW));
    store.users().create(new NewUser("bob", "b@example.org", "h", NOW));
  }

  @AfterEach
  void noFaults() {
    faults().clear();
  }

  private static Faults faults() {
    return dynamo.faults();
  }

  private long items() {
    return client.scan(b -> b.tableName(store.table().name())).count();
  }

  @Test
  void a_signup_cancelled_by_conflicts_is_sent_again_and_written_once() {
    long injectedBefore = faults().injected(Kind.TRANSACTION_CONFLICT);
    faults().next(Kind.TRANSACTION_CONFLICT, 2);

    store.users().create(new NewUser("carol", "c@example.org", "h", NOW));

    assertThat(faults().injected(Kind.TRANSACTION_CONFLICT) - injectedBefore).isEqualTo(2);
    assertThat(store.users().find("carol")).isPresent();
    assertThat(store.users().emailTaken("C@example.org")).isTrue();
  }

  @Test
  void a_post_throttled_keeps_gap_free_numbers() {
    store.posts().create("alice", "one", NOW);
    faults().next(Kind.THROTTLING, 2);

    Post second = store.posts().create("alice", "two", NOW);

    assertThat(second.seq()).isEqualTo(2);
    assertThat(store.posts().byAuthor("alice", 1, 10))
        .extracting(Post::body)
        .containsExactly("two", "one");
  }

  @Test
  void a_follow_cancelled_by_conflicts_is_recorded_once_with_its_counts() {
    faults().next(Kind.TRANSACTION_CONFLICT, 2);

    assertThat(store.follows().follow("alice", "bob", NOW)).isTrue();

    assertThat(store.follows().followers("bob")).containsExactly("alice");
    assertThat(store.users().find("bob").orElseThrow().followers()).isEqualTo(1);
    assertThat(store.users().find("alice").orElseThrow().following()).isEqualTo(1);
  }

  @Test
  void conflicts_that_outlast_every_attempt_end_in_busy_and_write_nothing() {
    long before = items();
    long injectedBefore = faults().injected(Kind.TRANSACTION_CONFLICT);
    faults().next(Kind.TRANSACTION_CONFLICT, 1_000);

    assertThatThrownBy(() -> store.follows().follow("alice", "bob", NOW)).isInstanceOf(Busy.class);
    assertThatThrownBy(() -> store.users().create(new NewUser("dave", "d@example.org", "h", NOW)))
        .isInstanceOf(Busy.class);

    assertThat(faults().injected(Kind.TRANSACTION_CONFLICT) - injectedBefore)
        .isEqualTo(2L * Transactions.MAX_ATTEMPTS);
    faults().clear();
    assertThat(items()).isEqualTo(before);
  }

  @Test
  void a_conflict_never_hides_a_taken_username() {
    faults().next(Kind.TRANSACTION_CONFLICT, 1);

    assertThatThrownBy(
            () -> store.users().create(new NewUser("alice", "new@example.org", "h", NOW)))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.fields()).containsExactly(Conflict.Field.USERNAME));
  }

  @Test
  void a_reset_after_the_post_was_applied_leaves_exactly_one_post() {
    long injectedBefore = faults().injected(Kind.RESET_AFTER_WRITE);
    faults().next(Kind.RESET_AFTER_WRITE, 1);

    Post post = store.posts().create("alice", "once", NOW);

    assertThat(faults().injected(Kind.RESET_AFTER_WRITE) - injectedBefore).isEqualTo(1);
    assertThat(post.seq()).isEqualTo(1);
    assertThat(store.posts().byAuthor("alice", 1, 10))
        .extracting(Post::body)
        .containsExactly("once");
    assertThat(store.users().find("alice").orElseThrow().postCount()).isEqualTo(1);
  }

  @Test
  void a_reset_after_a_follow_was_applied_counts_it_once() {
    faults().next(Kind.RESET_AFTER_WRITE, 1);

    assertThat(store.follows().follow("alice", "bob", NOW)).isTrue();

    assertThat(store.users().find("bob").orElseThrow().followers()).isEqualTo(1);
  }

  @Test
  void a_reset_after_a_signup_was_applied_is_not_reported_as_a_taken_name() {
    faults().next(Kind.RESET_AFTER_WRITE, 1);

    store.users().create(new NewUser("erin", "e@example.org", "h", NOW));

    assertThat(store.users().find("erin")).isPresent();
  }
}
