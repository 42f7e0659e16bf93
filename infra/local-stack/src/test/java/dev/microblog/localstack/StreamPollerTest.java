package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.store.Table;
import dev.microblog.gateway.Faults;
import dev.microblog.gateway.LocalDynamo;
import dev.microblog.generator.StreamFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The local event source mapping against the real stream of a table in LocalDynamo. */
class StreamPollerTest {
  static final StreamPoller.Settings QUICK_RETRIES =
      StreamPoller.Settings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
  static final AtomicInteger tables = new AtomicInteger();

  static LocalDynamo dynamo;
  static DynamoDbClient client;
  static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() throws Exception {
    dynamo = LocalDynamo.start(Repo.nodeDir().resolve("node_modules"), null, 0);
    AwsConfig config = AwsConfig.standIn("DYNAMODB", dynamo.endpoint());
    client = config.dynamoDb();
    streams = config.dynamoDbStreams();
  }

  @AfterAll
  static void stop() {
    client.close();
    streams.close();
    dynamo.close();
  }

  /** A fresh table with its stream, holding one item per key, written in order. */
  static String tableWith(String... keys) {
    String table = "poller" + tables.incrementAndGet();
    new Table(client, table).createIfMissing();
    for (String key : keys) {
      client.putItem(
          b ->
              b.tableName(table)
                  .item(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS("x"))));
    }
    return table;
  }

  static void put(String table, String pk, String sk) {
    client.putItem(
        b ->
            b.tableName(table)
                .item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
  }

  static final StreamPoller.Settings GENERATOR_FILTER =
      QUICK_RETRIES.withFilter(EventFilter.of(StreamFilter.PATTERNS));

  /** Records what each invocation received (the items' pk) and answers as told. */
  static final class RecordingHandler
      implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final List<String> arns = new CopyOnWriteArrayList<>();
    private final java.util.function.BiFunction<Integer, DynamodbEvent, StreamsEventResponse>
        answer;

    RecordingHandler(
        java.util.function.BiFunction<Integer, DynamodbEvent, StreamsEventResponse> answer) {
      this.answer = answer;
    }

    @Override
    public StreamsEventResponse handleRequest(
        DynamodbEvent event, com.amazonaws.services.lambda.runtime.Context context) {
      batches.add(
          event.getRecords().stream()
              .map(r -> r.getDynamodb().getKeys().get("pk").getS())
              .toList());
      event.getRecords().forEach(r -> arns.add(r.getEventSourceARN()));
      return answer.apply(batches.size(), event);
    }

    List<String> delivered() {
      return batches.stream().flatMap(List::stream).toList();
    }
  }

  static StreamsEventResponse failAt(DynamodbEvent event, int index) {
    String seq = event.getRecords().get(index).getDynamodb().getSequenceNumber();
    return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(seq)));
  }

  static StreamsEventResponse ok() {
    return new StreamsEventResponse(List.of());
  }

  @Test
  void deliversEveryRecordInOrderWithTheStreamArn() throws Exception {
    String table = tableWith("a", "b", "c");
    var handler = new RecordingHandler((n, event) -> ok());

    try (var poller = StreamPoller.start(client, streams, table, handler, QUICK_RETRIES)) {
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();

      assertThat(handler.delivered()).containsExactly("a", "b", "c");
      assertThat(handler.arns).containsOnly(poller.streamArn());
      assertThat(poller.streamArn()).contains(":table/" + table + "/stream/");
    }
  }

  @Test
  void aSessionWriteInvokesNothingAndCountsAsHandled() throws Exception {
    String table = tableWith();
    put(table, "SESSION#5e55", "SESSION");
    put(table, "EMAIL#alice@example.org", "EMAIL");
    var handler = new RecordingHandler((n, event) -> ok());

    try (var poller = StreamPoller.start(client, streams, table, handler, GENERATOR_FILTER)) {
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();
      assertThat(handler.batches).isEmpty();
      assertThat(poller.stats().filteredRecords()).isEqualTo(2);

      put(table, "USER#alice", "PROFILE");
      put(table, "SESSION#fade", "SESSION");
      put(table, "USER#bob", "FOLLOWER#alice");
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();

      assertThat(handler.delivered()).containsExactly("USER#alice");
      assertThat(poller.stats().filteredRecords()).isEqualTo(4);
      assertThat(poller.stats().failedBatches()).isZero();
    }
  }

  @Test
  void aFailureBehindFilteredRecordsIsDeliveredAgainFromThatRecord() throws Exception {
    String table = tableWith();
    put(table, "USER#alice", "PROFILE");
    put(table, "SESSION#5e55", "SESSION");
    put(table, "USER#bob", "PROFILE");
    var handler = new RecordingHandler((n, event) -> n == 1 ? failAt(event, 1) : ok());

    try (var poller = StreamPoller.start(client, streams, table, handler, GENERATOR_FILTER)) {
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();

      assertThat(handler.batches)
          .containsExactly(List.of("USER#alice", "USER#bob"), List.of("USER#bob"));
    }
  }

  @Test
  void aReportedFailureGetsTheBatchAgainFromTheFailedRecord() throws Exception {
    String table = tableWith("a", "b", "c", "d");
    var handler = new RecordingHandler((n, event) -> n == 1 ? failAt(event, 2) : ok());

    try (var poller = StreamPoller.start(client, streams, table, handler, QUICK_RETRIES)) {
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();

      assertThat(handler.batches).containsExactly(List.of("a", "b", "c", "d"), List.of("c", "d"));
      assertThat(poller.stats().failedBatches()).isEqualTo(1);
    }
  }

  @Test
  void aThrowingHandlerGetsTheWholeBatchAgain() throws Exception {
    String table = tableWith("a", "b");
    var handler =
        new RecordingHandler(
            (n, event) -> {
              if (n == 1) {
                throw new IllegalStateException("S3 is down");
              }
              return ok();
            });

    try (var poller = StreamPoller.start(client, streams, table, handler, QUICK_RETRIES)) {
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();

      assertThat(handler.batches).containsExactly(List.of("a", "b"), List.of("a", "b"));
    }
  }

  @Test
  void aRecordThatKeepsFailingIsDroppedAfterTheRetriesAndTheRestGoesOn() throws Exception {
    String table = tableWith("a", "poison", "c");
    var handler =
        new RecordingHandler(
            (n, event) -> {
              var keys =
                  event.getRecords().stream()
                      .map(r -> r.getDynamodb().getKeys().get("pk").getS())
                      .toList();
              return keys.contains("poison") ? failAt(event, keys.indexOf("poison")) : ok();
            });

    try (var poller = StreamPoller.start(client, streams, table, handler, QUICK_RETRIES)) {
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();
      client.putItem(
          b ->
              b.tableName(table)
                  .item(
                      Map.of(
                          "pk", AttributeValue.fromS("after"), "sk", AttributeValue.fromS("x"))));
      assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();

      // The first delivery and 5 retries fail at "poison"; then it and the rest of its batch
      // ("c") are dropped, and later records flow again.
      assertThat(handler.batches).hasSize(1 + QUICK_RETRIES.maxRetries() + 1);
      assertThat(handler.batches.getLast()).containsExactly("after");
      assertThat(poller.stats().droppedRecords()).isEqualTo(2);
    }
  }

  @Test
  void awaitIdleWaitsForWritesMadeJustBefore() throws Exception {
    String table = tableWith();
    var handler = new RecordingHandler((n, event) -> ok());

    try (var poller = StreamPoller.start(client, streams, table, handler, QUICK_RETRIES)) {
      for (int i = 0; i < 20; i++) {
        String key = "k" + i;
        client.putItem(
            b ->
                b.tableName(table)
                    .item(
                        Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS("x"))));
        assertThat(poller.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(handler.delivered()).endsWith(key);
      }
    }
  }

  static void put(String table, String key) {
    client.putItem(
        b ->
            b.tableName(table)
                .item(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS("x"))));
  }

  @Test
  void expiredIteratorsAreRenewedWithoutLosingOrRepeatingARecord() throws Exception {
    String table = tableWith();
    var handler = new RecordingHandler((n, event) -> n % 3 == 1 ? failAt(event, 0) : ok());
    long before = dynamo.faults().injected(Faults.Kind.EXPIRED_ITERATOR);
    dynamo.faults().seed(7).rate(Faults.Kind.EXPIRED_ITERATOR, 0.5);
    try (var poller = StreamPoller.start(client, streams, table, handler, QUICK_RETRIES)) {
      List<String> written = new java.util.ArrayList<>();
      for (int i = 0; i < 30; i++) {
        put(table, "e" + i);
        written.add("e" + i);
      }
      assertThat(poller.awaitIdle(Duration.ofSeconds(20))).isTrue();

      assertThat(dynamo.faults().injected(Faults.Kind.EXPIRED_ITERATOR)).isGreaterThan(before);
      // Failed batches are delivered again from their first record; each record is handed over
      // successfully exactly once, in order.
      List<String> succeeded = new java.util.ArrayList<>();
      for (int b = 0; b < handler.batches.size(); b++) {
        if ((b + 1) % 3 != 1) {
          succeeded.addAll(handler.batches.get(b));
        }
      }
      assertThat(succeeded).containsExactlyElementsOf(written);
    } finally {
      dynamo.faults().clear();
    }
  }

  @Test
  void recordsTrimmedBeforeTheyWereReadAreReportedAndReadingGoesOn() throws Exception {
    String table = tableWith("a", "b");
    java.util.concurrent.atomic.AtomicBoolean healthy =
        new java.util.concurrent.atomic.AtomicBoolean();
    var handler = new RecordingHandler((n, event) -> healthy.get() ? ok() : failAt(event, 0));
    AtomicInteger losses = new AtomicInteger();
    var patient =
        StreamPoller.Settings.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(50));

    try (var poller =
        StreamPoller.start(client, streams, table, handler, patient, losses::incrementAndGet)) {
      org.awaitility.Awaitility.await().until(() -> handler.batches.size() >= 1);
      dynamo.trimStreams(); // "a" and "b" age out while they wait for their retry
      healthy.set(true);
      put(table, "c");

      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> handler.delivered().contains("c"));
      assertThat(losses.get()).isEqualTo(1);
      assertThat(handler.batches.getLast()).containsExactly("c");
    }
  }
}
