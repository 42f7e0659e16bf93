package dev.microblog.localstack;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.store.Store;
import dev.microblog.functions.account.Sessions;
import dev.microblog.gateway.LocalDynamo;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The stream batch the generator's tests read (events/two-users.json) is what the real stores write
 * through our gateway, not a hand-written guess: the store's items and the fixture have one owner.
 * By default the capture must match the committed file (apart from what differs per run); with
 * {@code -Dmicroblog.fixtures=write} it rewrites the file from the capture.
 */
class StreamFixturesTest {
  static final Path TWO_USERS = Path.of("generator/src/test/resources/events/two-users.json");
  static final String REGENERATE =
      "the stores no longer write what "
          + TWO_USERS
          + " holds; if that is intended, regenerate it with `mvn -pl infra/local-stack -am test"
          + " -Dtest=StreamFixturesTest -Dmicroblog.fixtures=write"
          + " -Dsurefire.failIfNoSpecifiedTests=false` and check the generator's tests";

  static final Instant ALICE_JOINED = Instant.parse("2026-11-25T10:00:00Z");
  static final Instant BOB_JOINED = Instant.parse("2026-11-25T10:01:00Z");

  /** What the written file holds where a capture differs from run to run. */
  static final String FIXED_ARN =
      "arn:aws:dynamodb:us-east-1:123456789012:table/microblog/stream/2026-11-25T00:00:00.000";

  static final long FIXED_CREATION = ALICE_JOINED.getEpochSecond();
  static final String FIXED_TOKEN = "fixed-token";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void twoUsersIsTheBatchTheStoresWrite() throws Exception {
    List<ObjectNode> captured = capture();
    Path file = Repo.root().resolve(TWO_USERS);

    if ("write".equals(System.getProperty("microblog.fixtures"))) {
      Files.writeString(file, pretty(fixed(captured)));
      return;
    }
    List<ObjectNode> committed = new ArrayList<>();
    JSON.readTree(file.toFile()).get("Records").forEach(r -> committed.add((ObjectNode) r));
    assertThat(normalised(captured))
        .as(REGENERATE)
        .containsExactlyElementsOf(normalised(committed));
  }

  /**
   * Two users sign up, bob logs in, alice posts (a body the pages must escape), bob follows alice,
   * both post: written as the functions write it, read back as Lambda would deliver it.
   */
  static List<ObjectNode> capture() throws Exception {
    try (LocalDynamo dynamo = LocalDynamo.start(Repo.nodeDir().resolve("node_modules"), null, 0)) {
      AwsConfig config = AwsConfig.standIn("DYNAMODB", dynamo.endpoint());
      try (DynamoDbClient client = config.dynamoDb();
          DynamoDbStreamsClient streams = config.dynamoDbStreams()) {
        Store store = Store.over(client, "microblog");
        store.table().createIfMissing();
        store
            .users()
            .create(new NewUser("alice", "alice@example.org", "$argon2id$x", ALICE_JOINED));
        store.users().create(new NewUser("bob", "bob@example.org", "$argon2id$x", BOB_JOINED));
        store.sessions().create(sha256("test"), "bob", BOB_JOINED.plus(Sessions.LIFETIME));
        store
            .posts()
            .create(
                "alice",
                "Hello <script>alert('x')</script> world",
                Instant.parse("2026-11-25T10:02:00Z"));
        store.follows().follow("bob", "alice", Instant.parse("2026-11-25T10:05:00Z"));
        store.posts().create("alice", "Second post", Instant.parse("2026-11-25T10:06:00Z"));
        store.posts().create("bob", "Hi, I am bob", Instant.parse("2026-11-25T10:07:00Z"));

        String arn = client.describeTable(b -> b.tableName("microblog")).table().latestStreamArn();
        List<Record> records = everyRecord(streams, arn);
        List<ObjectNode> events = new ArrayList<>();
        JSON.readTree(StreamEvents.json(records, arn))
            .get("Records")
            .forEach(r -> events.add((ObjectNode) r));
        return events;
      }
    }
  }

  /** Every record of every shard, in the order they were written. */
  static List<Record> everyRecord(DynamoDbStreamsClient streams, String arn) {
    List<Record> records = new ArrayList<>();
    for (var shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
      String iterator =
          streams
              .getShardIterator(
                  b ->
                      b.streamArn(arn)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        String at = iterator;
        var response = streams.getRecords(b -> b.shardIterator(at));
        if (response.records().isEmpty()) {
          break; // an open shard hands out iterators forever: empty means read to the end
        }
        records.addAll(response.records());
        iterator = response.nextShardIterator();
      }
    }
    records.sort(Comparator.comparing(r -> new BigInteger(r.dynamodb().sequenceNumber())));
    return records;
  }

  /** The records without what differs from run to run (ids, times, the post's random token). */
  static List<JsonNode> normalised(List<ObjectNode> records) {
    List<JsonNode> out = new ArrayList<>();
    for (ObjectNode record : records) {
      ObjectNode r = record.deepCopy();
      r.remove(List.of("eventID", "eventSourceARN"));
      ObjectNode d = (ObjectNode) r.get("dynamodb");
      d.remove(List.of("SequenceNumber", "ApproximateCreationDateTime", "SizeBytes"));
      for (String image : List.of("NewImage", "OldImage")) {
        if (d.get(image) instanceof ObjectNode i) {
          i.remove("token");
        }
      }
      out.add(r);
    }
    return out;
  }

  /** The records with fixed values where a capture differs from run to run. */
  static ObjectNode fixed(List<ObjectNode> records) {
    ObjectNode event = JSON.createObjectNode();
    var list = event.putArray("Records");
    long number = 200;
    for (ObjectNode record : records) {
      ObjectNode r = record.deepCopy();
      r.put("eventID", "e" + number);
      r.put("eventSourceARN", FIXED_ARN);
      ObjectNode d = (ObjectNode) r.get("dynamodb");
      d.put("SequenceNumber", String.format("%021d", number));
      d.put("ApproximateCreationDateTime", FIXED_CREATION);
      for (String image : List.of("Keys", "NewImage", "OldImage")) {
        if (d.get(image) instanceof ObjectNode i) {
          if (i.has("token")) {
            i.putObject("token").put("S", FIXED_TOKEN);
          }
          d.set(image, keysFirst(i));
        }
      }
      list.add(r);
      number += 100;
    }
    return event;
  }

  /** The item's attributes with its key first, then by name: the gateway keeps no order. */
  static ObjectNode keysFirst(ObjectNode item) {
    ObjectNode sorted = JSON.createObjectNode();
    for (String key : List.of("pk", "sk")) {
      if (item.has(key)) {
        sorted.set(key, item.get(key));
      }
    }
    new TreeMap<>(item.properties().stream().collect(toMap(Map.Entry::getKey, Map.Entry::getValue)))
        .forEach((name, value) -> sorted.putIfAbsent(name, value));
    return sorted;
  }

  /** Two-space indented, one field a line, as the file was written by hand. */
  static String pretty(JsonNode json) throws Exception {
    var indenter = new DefaultIndenter("  ", "\n");
    var printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return JSON.writer(printer).writeValueAsString(json) + "\n";
  }

  /** Sessions are keyed by the SHA-256 of the cookie's token, as {@link Sessions} does. */
  static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}
