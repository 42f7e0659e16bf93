package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.allRecords;
import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.key;
import static dev.microblog.gateway.TestSupport.n;
import static dev.microblog.gateway.TestSupport.s;
import static dev.microblog.gateway.TestSupport.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.microblog.gateway.TestSupport.LocalDynamoFixture;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Every committed write appears in the stream exactly once, with the right images. */
class StreamRecordsTest {
  @RegisterExtension static final LocalDynamoFixture db = LocalDynamoFixture.start();
  private static final DynamoDbClient dynamo = db.dynamo();
  private static final DynamoDbStreamsClient streams = db.streams();

  @Test
  void aBulkLoadStraightIntoDynaliteIsReadThroughTheGatewayButMakesNoRecord() {
    String table = TestSupport.createTable(dynamo, "bulk", StreamViewType.NEW_AND_OLD_IMAGES);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("before"))));
    try (DynamoDbClient unrecorded = TestSupport.unrecorded(db.local())) {
      List<WriteRequest> puts = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        puts.add(putRequest(item("pk", s("loaded" + i))));
      }
      unrecorded.batchWriteItem(r -> r.requestItems(Map.of(table, puts)));
    }
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("after"))));

    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("loaded24"))).item())
        .isEqualTo(item("pk", s("loaded24")));
    assertThat(allRecords(streams, streamArn(dynamo, table)))
        .extracting(r -> r.dynamodb().keys())
        .containsExactly(key("before"), key("after"));
  }

  @Test
  void putUpdateAndDeleteEachAppearOnceInOrderWithTheirImages() {
    String table = TestSupport.createTable(dynamo, "writes", StreamViewType.NEW_AND_OLD_IMAGES);

    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n(1))));
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(key("k"))
                .updateExpression("SET v = :two")
                .expressionAttributeValues(Map.of(":two", n(2))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"), "w", s("replaced"))));
    dynamo.deleteItem(r -> r.tableName(table).key(key("k")));

    List<Record> records = allRecords(streams, streamArn(dynamo, table));
    assertThat(records)
        .extracting(Record::eventName)
        .containsExactly(
            OperationType.INSERT, OperationType.MODIFY, OperationType.MODIFY, OperationType.REMOVE);
    assertThat(records).extracting(r -> r.dynamodb().keys()).containsOnly(key("k"));
    assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
    assertThat(records.get(0).dynamodb().newImage()).isEqualTo(item("pk", s("k"), "v", n(1)));
    assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(item("pk", s("k"), "v", n(1)));
    assertThat(records.get(1).dynamodb().newImage()).isEqualTo(item("pk", s("k"), "v", n(2)));
    assertThat(records.get(2).dynamodb().oldImage()).isEqualTo(item("pk", s("k"), "v", n(2)));
    assertThat(records.get(2).dynamodb().newImage())
        .isEqualTo(item("pk", s("k"), "w", s("replaced")));
    assertThat(records.get(3).dynamodb().oldImage())
        .isEqualTo(item("pk", s("k"), "w", s("replaced")));
    assertThat(records.get(3).dynamodb().hasNewImage()).isFalse();

    assertThat(records)
        .extracting(r -> new BigInteger(r.dynamodb().sequenceNumber()))
        .isSorted()
        .doesNotHaveDuplicates();
    Record first = records.getFirst();
    assertThat(first.eventSource()).isEqualTo("aws:dynamodb");
    assertThat(first.eventVersion()).isEqualTo("1.1");
    assertThat(first.awsRegion()).isEqualTo("us-east-1");
    assertThat(first.eventID()).isNotBlank();
    assertThat(first.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(first.dynamodb().sizeBytes()).isPositive();
    assertThat(first.dynamodb().approximateCreationDateTime()).isNotNull();
    assertThat(first.userIdentity()).isNull();
    assertThat(records).extracting(Record::eventID).doesNotHaveDuplicates();
  }

  @Test
  void aWriteThatChangesNothingWritesNoRecord() {
    String table = TestSupport.createTable(dynamo, "noop", StreamViewType.NEW_AND_OLD_IMAGES);
    Map<String, AttributeValue> item = item("pk", s("k"), "v", n(1), "tags", ss("a", "b"));
    dynamo.putItem(r -> r.tableName(table).item(item));

    dynamo.putItem(r -> r.tableName(table).item(item)); // the same item again
    dynamo.putItem(
        r -> r.tableName(table).item(item("pk", s("k"), "v", n(1), "tags", ss("b", "a"))));
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(key("k"))
                .updateExpression("SET v = :same")
                .expressionAttributeValues(Map.of(":same", AttributeValue.fromN("1.0"))));
    dynamo.deleteItem(r -> r.tableName(table).key(key("absent")));
    catchThrowableOfType(
        ConditionalCheckFailedException.class,
        () ->
            dynamo.putItem(
                r ->
                    r.tableName(table)
                        .item(item("pk", s("k"), "v", n(9)))
                        .conditionExpression("attribute_not_exists(pk)")));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("marker"))));

    List<Record> records = allRecords(streams, streamArn(dynamo, table));
    assertThat(records)
        .extracting(r -> r.eventNameAsString() + " " + r.dynamodb().keys().get("pk").s())
        .containsExactly("INSERT k", "INSERT marker");
  }

  @Test
  void theClientsReturnValuesAreAnsweredAsAsked() {
    String table = TestSupport.createTable(dynamo, "returns", StreamViewType.KEYS_ONLY);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n(1))));

    var put =
        dynamo.putItem(
            r ->
                r.tableName(table)
                    .item(item("pk", s("k"), "v", n(2)))
                    .returnValues(ReturnValue.ALL_OLD));
    var update =
        dynamo.updateItem(
            r ->
                r.tableName(table)
                    .key(key("k"))
                    .updateExpression("SET v = :three")
                    .expressionAttributeValues(Map.of(":three", n(3)))
                    .returnValues(ReturnValue.UPDATED_NEW));
    var delete = dynamo.deleteItem(r -> r.tableName(table).key(key("k")));

    assertThat(put.attributes()).isEqualTo(item("pk", s("k"), "v", n(1)));
    assertThat(update.attributes()).isEqualTo(Map.of("v", n(3)));
    assertThat(delete.hasAttributes()).isFalse();
  }

  @Test
  void batchWriteItemRecordsEachItemOnce() {
    String table = TestSupport.createTable(dynamo, "batch", StreamViewType.NEW_AND_OLD_IMAGES);
    String other = TestSupport.createTable(dynamo, "batch-other", StreamViewType.NEW_IMAGE);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("old"), "v", n(1))));

    dynamo.batchWriteItem(
        r ->
            r.requestItems(
                Map.of(
                    table,
                    List.of(
                        putRequest(item("pk", s("a"), "v", n(1))),
                        putRequest(item("pk", s("old"), "v", n(2))),
                        WriteRequest.builder()
                            .deleteRequest(DeleteRequest.builder().key(key("absent")).build())
                            .build()),
                    other,
                    List.of(putRequest(item("pk", s("b")))))));

    assertThat(allRecords(streams, streamArn(dynamo, table)))
        .extracting(r -> r.eventNameAsString() + " " + r.dynamodb().keys().get("pk").s())
        .containsExactly("INSERT old", "INSERT a", "MODIFY old");
    assertThat(allRecords(streams, streamArn(dynamo, other)))
        .singleElement()
        .satisfies(
            record -> assertThat(record.dynamodb().newImage()).isEqualTo(item("pk", s("b"))));
  }

  @Test
  void theViewTypeDecidesWhichImagesARecordCarries() {
    Map<StreamViewType, Record> modifyByView = new HashMap<>();
    for (StreamViewType view :
        List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE)) {
      String table = TestSupport.createTable(dynamo, "view", view);
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n(1))));
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n(2))));
      List<Record> records = allRecords(streams, streamArn(dynamo, table));
      assertThat(records).hasSize(2);
      modifyByView.put(view, records.get(1));
    }

    var keysOnly = modifyByView.get(StreamViewType.KEYS_ONLY).dynamodb();
    assertThat(keysOnly.keys()).isEqualTo(key("k"));
    assertThat(keysOnly.hasNewImage() || keysOnly.hasOldImage()).isFalse();
    var newOnly = modifyByView.get(StreamViewType.NEW_IMAGE).dynamodb();
    assertThat(newOnly.newImage()).isEqualTo(item("pk", s("k"), "v", n(2)));
    assertThat(newOnly.hasOldImage()).isFalse();
    var oldOnly = modifyByView.get(StreamViewType.OLD_IMAGE).dynamodb();
    assertThat(oldOnly.oldImage()).isEqualTo(item("pk", s("k"), "v", n(1)));
    assertThat(oldOnly.hasNewImage()).isFalse();
  }

  @Test
  void concurrentWritersNeverInterleaveAnItemsImages() throws Exception {
    String table = TestSupport.createTable(dynamo, "race", StreamViewType.NEW_AND_OLD_IMAGES);
    List<String> keys = List.of("k0", "k1", "k2");
    int threads = 6;
    int updatesPerThread = 30;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String writer = "writer-" + t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < updatesPerThread; i++) {
                    String pk = keys.get(i % keys.size());
                    dynamo.updateItem(
                        r ->
                            r.tableName(table)
                                .key(key(pk))
                                .updateExpression("ADD n :one SET lastWriter = :me")
                                .expressionAttributeValues(Map.of(":one", n(1), ":me", s(writer))));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Record> records = allRecords(streams, streamArn(dynamo, table));
    assertThat(records).hasSize(threads * updatesPerThread);
    Map<String, Map<String, AttributeValue>> latest = new HashMap<>();
    for (Record record : records) {
      String pk = record.dynamodb().keys().get("pk").s();
      Map<String, AttributeValue> previous = latest.get(pk);
      if (previous == null) {
        assertThat(record.eventName()).isEqualTo(OperationType.INSERT);
      } else {
        assertThat(record.dynamodb().oldImage()).isEqualTo(previous);
      }
      latest.put(pk, record.dynamodb().newImage());
    }
    for (String pk : keys) {
      assertThat(dynamo.getItem(r -> r.tableName(table).key(key(pk))).item())
          .isEqualTo(latest.get(pk));
    }
  }

  @Test
  void aTableWithoutAStreamHasNoneToList() {
    String table = TestSupport.createTable(dynamo, "plain", null);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"))));

    assertThat(dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn()).isNull();
    assertThat(streams.listStreams(r -> r.tableName(table)).streams()).isEmpty();
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("k"))).item())
        .isEqualTo(item("pk", s("k")));
  }

  private static AttributeValue ss(String... values) {
    return AttributeValue.fromSs(List.of(values));
  }

  private static WriteRequest putRequest(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }
}
