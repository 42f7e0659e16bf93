package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.allRecords;
import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.key;
import static dev.microblog.gateway.TestSupport.n;
import static dev.microblog.gateway.TestSupport.s;
import static dev.microblog.gateway.TestSupport.shardId;
import static dev.microblog.gateway.TestSupport.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.microblog.gateway.Faults.Kind;
import dev.microblog.gateway.TestSupport.LocalDynamoFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Each fault as AWS shapes it, seen through the real SDK client, and off again after clear(). */
class FaultsTest {
  @RegisterExtension static final LocalDynamoFixture db = LocalDynamoFixture.start();
  private static final DynamoDbClient dynamo = db.dynamo();
  private static final DynamoDbStreamsClient streams = db.streams();
  private static final Faults faults = db.local().faults();

  @AfterEach
  void allOff() {
    faults.clear();
    db.local().gateway().iteratorLifetime(StreamsApi.ITERATOR_LIFETIME);
  }

  @Test
  void aConflictCancelsTheTransactionWithTransactionConflictForTheFirstActionAndAppliesNothing() {
    String table = TestSupport.createTable(dynamo, "conflict", StreamViewType.NEW_IMAGE);
    faults.next(Kind.TRANSACTION_CONFLICT, 1);

    TransactionCanceledException cancelled =
        catchThrowableOfType(TransactionCanceledException.class, () -> putBoth(table, "a", "b"));

    assertThat(cancelled.statusCode()).isEqualTo(400);
    assertThat(cancelled.cancellationReasons())
        .extracting(CancellationReason::code)
        .containsExactly("TransactionConflict", "None");
    assertThat(cancelled.getMessage())
        .contains(
            "Transaction cancelled, please refer cancellation reasons for specific reasons"
                + " [TransactionConflict, None]");
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem())
        .isFalse();
    assertThat(allRecords(streams, streamArn(dynamo, table))).isEmpty();
    assertThat(faults.injected(Kind.TRANSACTION_CONFLICT)).isEqualTo(1);

    putBoth(table, "a", "b"); // the fault was for the next one only
    assertThat(allRecords(streams, streamArn(dynamo, table))).hasSize(2);
  }

  @Test
  void throttlingReachesTheCallerOnceTheSdkHasUsedUpItsAttemptsAndAppliesNothing() {
    String table = TestSupport.createTable(dynamo, "throttled", StreamViewType.NEW_IMAGE);
    long before = faults.injected(Kind.THROTTLING);
    faults.next(Kind.THROTTLING, 100);

    try (DynamoDbClient quickRetries = withoutBackoff()) {
      ProvisionedThroughputExceededException throttled =
          catchThrowableOfType(
              ProvisionedThroughputExceededException.class,
              () -> quickRetries.putItem(r -> r.tableName(table).item(item("pk", s("a")))));

      assertThat(throttled.statusCode()).isEqualTo(400);
      assertThat(throttled.awsErrorDetails().errorCode())
          .isEqualTo("ProvisionedThroughputExceededException");
      assertThat(throttled.getMessage())
          .contains("provisioned throughput for the table was exceeded");
      // DynamoDB's SDK default: 1 attempt + 8 retries, all of which were throttled. (With the
      // default backoff for throttling, 0.5 s doubling up to 20 s, that takes about a minute.)
      assertThat(faults.injected(Kind.THROTTLING) - before).isEqualTo(9);
    }
    faults.clear();
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a")).consistentRead(true)).hasItem())
        .isFalse();
    assertThat(allRecords(streams, streamArn(dynamo, table))).isEmpty();
  }

  @Test
  void aFewThrottledAttemptsAreHiddenByTheSdksRetries() {
    String table = TestSupport.createTable(dynamo, "throttled", null);
    long before = faults.injected(Kind.THROTTLING);
    faults.next(Kind.THROTTLING, 2);

    try (DynamoDbClient quickRetries = withoutBackoff()) {
      quickRetries.putItem(r -> r.tableName(table).item(item("pk", s("a"))));
      assertThat(
              quickRetries
                  .query(
                      r ->
                          r.tableName(table)
                              .keyConditionExpression("pk = :a")
                              .expressionAttributeValues(Map.of(":a", s("a"))))
                  .count())
          .isEqualTo(1);
    }
    assertThat(faults.injected(Kind.THROTTLING) - before).isEqualTo(2);
  }

  @Test
  void aLaggingIndexShowsItemsWrittenWithinTheLagAsTheyWereBefore() throws Exception {
    String table = tableWithIndex();
    put(table, "moved", "g", 1);
    put(table, "gone", "g", 2);
    put(table, "changed", "g", 3);
    faults.indexLag(Duration.ofMillis(1500));

    put(table, "moved", "other", 4);
    dynamo.deleteItem(r -> r.tableName(table).key(key("gone")));
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(key("changed"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", s("new"))));
    put(table, "new", "g", 5);

    List<Map<String, AttributeValue>> lagged = queryIndex(table, "g");
    assertThat(lagged).extracting(i -> i.get("pk").s()).containsExactly("moved", "gone", "changed");
    assertThat(lagged.get(2)).doesNotContainKey("v");
    assertThat(scanIndex(table))
        .extracting(i -> i.get("pk").s())
        .containsExactlyInAnyOrder("moved", "gone", "changed");
    assertThat(faults.injected(Kind.LAGGING_INDEX)).isGreaterThanOrEqualTo(2);
    // The base table, read consistently, has every write at once.
    assertThat(
            dynamo.getItem(r -> r.tableName(table).key(key("new")).consistentRead(true)).hasItem())
        .isTrue();
    assertThat(
            dynamo.getItem(r -> r.tableName(table).key(key("gone")).consistentRead(true)).hasItem())
        .isFalse();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(queryIndex(table, "g"))
                    .extracting(i -> i.get("pk").s())
                    .containsExactly("changed", "new"));
    assertThat(queryIndex(table, "other"))
        .extracting(i -> i.get("pk").s())
        .containsExactly("moved");

    faults.clear();
    put(table, "late", "g", 6);
    assertThat(queryIndex(table, "g")).extracting(i -> i.get("pk").s()).contains("late");
  }

  @Test
  void anExpiredIteratorIsRefusedAndAFreshOneReads() {
    String table = TestSupport.createTable(dynamo, "expired", StreamViewType.KEYS_ONLY);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"))));
    String arn = streamArn(dynamo, table);
    faults.next(Kind.EXPIRED_ITERATOR, 1);

    String iterator = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
    ExpiredIteratorException expired =
        catchThrowableOfType(
            ExpiredIteratorException.class,
            () -> streams.getRecords(r -> r.shardIterator(iterator)));
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.awsErrorDetails().errorCode()).isEqualTo("ExpiredIteratorException");
    assertThat(streams.getRecords(r -> r.shardIterator(iterator)).records()).hasSize(1);
  }

  @Test
  void iteratorsExpireOfThemselvesAfterTheirLifetime() throws Exception {
    String table = TestSupport.createTable(dynamo, "expired", StreamViewType.KEYS_ONLY);
    String arn = streamArn(dynamo, table);
    db.local().gateway().iteratorLifetime(Duration.ofMillis(300));
    String old = iterator(arn, ShardIteratorType.LATEST, null);
    String next = streams.getRecords(r -> r.shardIterator(old)).nextShardIterator();

    Thread.sleep(400);

    assertThatThrownBy(() -> streams.getRecords(r -> r.shardIterator(next)))
        .isInstanceOf(ExpiredIteratorException.class);
    String fresh = iterator(arn, ShardIteratorType.LATEST, null);
    assertThat(streams.getRecords(r -> r.shardIterator(fresh)).records()).isEmpty();
  }

  @Test
  void afterTrimStreamsAPositionBeforeTheTrimPointReadsAsTrimmed() {
    String table = TestSupport.createTable(dynamo, "trimmed", StreamViewType.KEYS_ONLY);
    String arn = streamArn(dynamo, table);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"))));
    String horizonBefore = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
    List<Record> written = allRecords(streams, arn);
    String first = written.getFirst().dynamodb().sequenceNumber();

    db.local().trimStreams();

    assertThatThrownBy(() -> iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, first))
        .isInstanceOf(TrimmedDataAccessException.class)
        .satisfies(e -> assertThat(((TrimmedDataAccessException) e).statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, first))
        .isInstanceOf(TrimmedDataAccessException.class);
    assertThatThrownBy(() -> streams.getRecords(r -> r.shardIterator(horizonBefore)))
        .isInstanceOf(TrimmedDataAccessException.class);
    String last = written.getLast().dynamodb().sequenceNumber();
    assertThat(
            streams
                .getRecords(
                    r ->
                        r.shardIterator(
                            iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, last)))
                .records())
        .isEmpty();

    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("c"))));
    assertThat(allRecords(streams, arn))
        .extracting(record -> record.dynamodb().keys().get("pk").s())
        .containsExactly("c");
  }

  @Test
  void theTrimmedRecordsFaultTrimsTheStreamUnderAReader() {
    String table = TestSupport.createTable(dynamo, "trimmed", StreamViewType.KEYS_ONLY);
    String arn = streamArn(dynamo, table);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"))));
    faults.next(Kind.TRIMMED_RECORDS, 1);

    String horizon = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
    assertThatThrownBy(() -> streams.getRecords(r -> r.shardIterator(horizon)))
        .isInstanceOf(TrimmedDataAccessException.class);
    assertThat(faults.injected(Kind.TRIMMED_RECORDS)).isEqualTo(1);
    assertThat(allRecords(streams, arn)).isEmpty();
  }

  @Test
  void aResetAfterAWriteAppliesItExactlyOnceAndTheCallerSeesAnIoError() {
    String table = TestSupport.createTable(dynamo, "reset", StreamViewType.NEW_IMAGE);
    faults.next(Kind.RESET_AFTER_WRITE, 1);

    try (DynamoDbClient noRetries = TestSupport.dynamo(db.local(), b -> b.maxAttempts(1))) {
      SdkClientException dropped =
          catchThrowableOfType(SdkClientException.class, () -> increment(noRetries, table, "a"));
      assertThat(dropped).hasRootCauseInstanceOf(java.io.IOException.class);
    }

    assertThat(counter(table, "a")).isEqualTo(1);
    assertThat(allRecords(streams, streamArn(dynamo, table))).hasSize(1);
    assertThat(faults.injected(Kind.RESET_AFTER_WRITE)).isEqualTo(1);
  }

  @Test
  void aPlainUpdateRetriedByTheSdkAfterAResetIsAppliedTwiceAsInAws() {
    String table = TestSupport.createTable(dynamo, "reset", null);
    faults.next(Kind.RESET_AFTER_WRITE, 1);

    increment(dynamo, table, "a"); // the SDK sees an I/O error and sends it again

    assertThat(counter(table, "a")).isEqualTo(2); // what a store must be written to survive
  }

  @Test
  void aTransactionRetriedByTheSdkAfterAResetIsAppliedOnce() {
    String table = TestSupport.createTable(dynamo, "reset", StreamViewType.NEW_IMAGE);
    long before = faults.injected(Kind.RESET_AFTER_WRITE);
    faults.next(Kind.RESET_AFTER_WRITE, 1);

    // No token given: the SDK makes one up and sends the same one with its retry.
    dynamo.transactWriteItems(
        r ->
            r.transactItems(
                TransactWriteItem.builder()
                    .update(
                        Update.builder()
                            .tableName(table)
                            .key(key("a"))
                            .updateExpression("ADD n :one")
                            .expressionAttributeValues(Map.of(":one", n(1)))
                            .build())
                    .build()));

    assertThat(faults.injected(Kind.RESET_AFTER_WRITE) - before).isEqualTo(1);
    assertThat(counter(table, "a")).isEqualTo(1);
    assertThat(allRecords(streams, streamArn(dynamo, table))).hasSize(1);
  }

  @Test
  void clearSwitchesEverythingOffAndKeepsTheCounts() {
    String table = TestSupport.createTable(dynamo, "cleared", StreamViewType.KEYS_ONLY);
    faults.apply(
        "conflict=1,throttling=1,index-lag=2s,reset=1,expired-iterator=1,trimmed-records=1");
    long throttled = faults.injected(Kind.THROTTLING);

    faults.clear();

    putBoth(table, "a", "b");
    increment(dynamo, table, "a");
    String arn = streamArn(dynamo, table);
    assertThat(allRecords(streams, arn)).hasSize(3);
    assertThat(faults.injected(Kind.THROTTLING)).isEqualTo(throttled);
    assertThat(faults.lagWindow()).isZero();
  }

  @Test
  void theRunnersSpecParsesAndUnknownNamesAreRefusedWithTheValidOnes() {
    Faults parsed =
        Faults.parse(
            "conflict=0.2,throttling=0.05,index-lag=500ms,reset=0.01,expired-iterator=0.1");
    assertThat(parsed.lagWindow()).isEqualTo(Duration.ofMillis(500));

    Faults always = Faults.parse("throttling=1, reset=0");
    assertThat(always.fires(Kind.THROTTLING, "GetItem")).isTrue();
    assertThat(always.fires(Kind.RESET_AFTER_WRITE, "PutItem")).isFalse();
    assertThat(always.injected(Kind.THROTTLING)).isEqualTo(1);

    assertThatThrownBy(() -> Faults.parse("conflict=0.2,throttle=0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("throttle")
        .hasMessageContaining(
            "conflict, throttling, lagging-index, expired-iterator, trimmed-records, reset,"
                + " index-lag, seed");
    assertThatThrownBy(() -> Faults.parse("conflict=2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Faults.parse("index-lag=soon"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSeedMakesRateBasedFaultsReproducible() {
    Faults one = new Faults().seed(42).rate(Kind.THROTTLING, 0.5);
    Faults two = Faults.parse("seed=42,throttling=0.5");
    for (int i = 0; i < 50; i++) {
      assertThat(one.fires(Kind.THROTTLING, "GetItem"))
          .isEqualTo(two.fires(Kind.THROTTLING, "GetItem"));
    }
    assertThat(one.injected(Kind.THROTTLING)).isBetween(10L, 40L);
  }

  private static DynamoDbClient withoutBackoff() {
    return TestSupport.dynamo(
        db.local(),
        b ->
            b.backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()));
  }

  private static void putBoth(String table, String a, String b) {
    dynamo.transactWriteItems(
        r ->
            r.transactItems(
                TransactWriteItem.builder()
                    .put(Put.builder().tableName(table).item(item("pk", s(a))).build())
                    .build(),
                TransactWriteItem.builder()
                    .put(Put.builder().tableName(table).item(item("pk", s(b))).build())
                    .build()));
  }

  private static void increment(DynamoDbClient client, String table, String pk) {
    client.updateItem(
        r ->
            r.tableName(table)
                .key(key(pk))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n(1))));
  }

  private static long counter(String table, String pk) {
    return Long.parseLong(
        dynamo
            .getItem(r -> r.tableName(table).key(key(pk)).consistentRead(true))
            .item()
            .get("n")
            .n());
  }

  private static String iterator(String arn, ShardIteratorType type, String sequence) {
    return streams
        .getShardIterator(
            r ->
                r.streamArn(arn)
                    .shardId(shardId(streams, arn))
                    .shardIteratorType(type)
                    .sequenceNumber(sequence))
        .shardIterator();
  }

  private static String tableWithIndex() {
    String name = TestSupport.uniqueName("lagging");
    dynamo.createTable(
        r ->
            r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attribute("pk", ScalarAttributeType.S),
                    attribute("g", ScalarAttributeType.S),
                    attribute("r", ScalarAttributeType.N))
                .keySchema(element("pk", KeyType.HASH))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("byGroup")
                        .keySchema(element("g", KeyType.HASH), element("r", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
    return name;
  }

  private static void put(String table, String pk, String group, long rank) {
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk), "g", s(group), "r", n(rank))));
  }

  private static List<Map<String, AttributeValue>> queryIndex(String table, String group) {
    return dynamo
        .query(
            r ->
                r.tableName(table)
                    .indexName("byGroup")
                    .keyConditionExpression("g = :g AND r BETWEEN :low AND :high")
                    .expressionAttributeValues(
                        Map.of(":g", s(group), ":low", n(0), ":high", n(99))))
        .items();
  }

  private static List<Map<String, AttributeValue>> scanIndex(String table) {
    return dynamo.scan(r -> r.tableName(table).indexName("byGroup")).items();
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement element(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
