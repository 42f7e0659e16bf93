package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.Invalidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An invalidation that failed is owed in the table: the stream's retry pays it even on another
 * Lambda instance, which finds the pages already written and would not know otherwise.
 */
class OwedInvalidationsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static LocalDynamo dynamo;
  private static DynamoDbClient client;

  @TempDir Path folder;

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

  @Test
  void a_failed_invalidation_is_paid_by_the_retry_on_a_fresh_instance() {
    Store store = Store.over(client, "owed");
    store.table().createIfMissing();
    store.users().create(new NewUser("alice", "a@example.org", "h", T0));
    store.posts().create("alice", "one", T0);
    // A folder keeps no Cache-Control: every rewritten page counts as one the edge keeps long.
    Invalidator down =
        paths -> {
          if (!paths.isEmpty()) {
            throw new IllegalStateException("CloudFront is down");
          }
        };
    Generator first = Generator.create(store, new DirectoryPublisher(folder), down);
    first.builder().rebuildAll();
    Post two = store.posts().create("alice", "two", T0.plusSeconds(1));
    Map<String, String> key = Map.of("pk", "USER#alice", "sk", "POST#0000000002");
    ChangeRecord record = new ChangeRecord("9", "INSERT", key, key, Map.of());

    BatchReport failed = first.processor().process(List.of(record));

    assertThat(failed.failedAt()).isEqualTo("9");
    assertThat(store.owedInvalidations().owed()).contains(InEveryLocale.paths("/users/alice/"));

    List<List<String>> sent = new ArrayList<>();
    Generator retry = Generator.create(store, new DirectoryPublisher(folder), sent::add);
    BatchReport retried = retry.processor().process(List.of(record));

    assertThat(two.seq()).isEqualTo(2);
    assertThat(retried.written()).isZero(); // the pages were already there
    assertThat(retried.failed()).isFalse();
    assertThat(sent.getLast()).contains(InEveryLocale.paths("/users/alice/"));
    assertThat(store.owedInvalidations().owed()).isEmpty();
  }
}
