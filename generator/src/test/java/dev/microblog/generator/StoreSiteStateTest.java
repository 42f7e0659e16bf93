package dev.microblog.generator;

import static dev.microblog.generator.StreamHandlerTest.event;
import static dev.microblog.generator.StreamHandlerTest.files;
import static dev.microblog.generator.StreamHandlerTest.reversed;
import static dev.microblog.generator.StreamHandlerTest.tableAfterBatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.Invalidator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The generator reading a real table (dynalite behind our gateway), written through the store as
 * the functions write it: the pages come out as they do from the same site held in memory.
 */
class StoreSiteStateTest {
  private static LocalDynamo dynamo;
  private static DynamoDbClient client;
  private static Store store;

  @TempDir Path fromTable;
  @TempDir Path fromMemory;

  @BeforeAll
  static void writeTheBatchThroughTheStore() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
    store = Store.over(client, "microblog");
    store.table().createIfMissing();
    // What events/two-users.json records, written as the functions write it.
    store
        .users()
        .create(
            new NewUser(
                "alice", "alice@example.org", "hash", Instant.parse("2026-11-25T10:00:00Z")));
    store
        .users()
        .create(
            new NewUser("bob", "bob@example.org", "hash", Instant.parse("2026-11-25T10:01:00Z")));
    store
        .posts()
        .create(
            "alice",
            "Hello <script>alert('x')</script> world",
            Instant.parse("2026-11-25T10:02:00Z"));
    store.follows().follow("bob", "alice", Instant.parse("2026-11-25T10:05:00Z"));
    store.posts().create("alice", "Second post", Instant.parse("2026-11-25T10:06:00Z"));
    store.posts().create("bob", "Hi, I am bob", Instant.parse("2026-11-25T10:07:00Z"));
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  private Generator overTable() {
    // A clock of the batch's day: the posts are numbered (but not shown numbered) as in AWS.
    return Generator.create(
        store,
        new DirectoryPublisher(fromTable),
        Invalidator.NONE,
        Clock.fixed(Instant.parse("2026-11-25T10:08:00Z"), ZoneOffset.UTC),
        Numbering.Timing.AWS);
  }

  private Generator overMemory() {
    return Generator.create(
        tableAfterBatch(), new DirectoryPublisher(fromMemory), Invalidator.NONE);
  }

  @Test
  void a_batch_renders_the_same_pages_from_the_table_as_from_memory() {
    BatchReport report = overTable().handler().process(event("/events/two-users.json"));
    overMemory().handler().process(event("/events/two-users.json"));

    // ten pages and three Atom feeds in three languages, two JSON
    assertThat(report.written()).isEqualTo((10 + 3) * 3 + 2);
    assertThat(files(fromTable)).isEqualTo(files(fromMemory));
  }

  @Test
  void repeated_and_reversed_batches_change_nothing() {
    StreamHandler handler = overTable().handler();
    handler.process(event("/events/two-users.json"));
    var published = files(fromTable);

    BatchReport again = handler.process(event("/events/two-users.json"));
    BatchReport backwards = handler.process(reversed(event("/events/two-users.json")));

    assertThat(again.written()).isZero();
    assertThat(backwards.written()).isZero();
    assertThat(files(fromTable)).isEqualTo(published);
  }

  @Test
  void a_full_rebuild_from_the_table_equals_one_from_memory() {
    BatchReport report = overTable().builder().rebuildAll();
    overMemory().builder().rebuildAll();

    assertThat(report.written()).isEqualTo(files(fromTable).size());
    assertThat(files(fromTable)).isEqualTo(files(fromMemory));
  }
}
