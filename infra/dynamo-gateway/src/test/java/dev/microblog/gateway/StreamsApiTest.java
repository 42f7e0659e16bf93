package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.allRecords;
import static dev.microblog.gateway.TestSupport.drain;
import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.s;
import static dev.microblog.gateway.TestSupport.shardId;
import static dev.microblog.gateway.TestSupport.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.microblog.gateway.TestSupport.LocalDynamoFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The DynamoDB Streams API, through the SDK's own DynamoDbStreamsClient. */
class StreamsApiTest {
  @RegisterExtension static final LocalDynamoFixture db = LocalDynamoFixture.start();
  private static final DynamoDbClient dynamo = db.dynamo();
  private static final DynamoDbStreamsClient streams = db.streams();

  @Test
  void describeTableShowsTheStream() {
    String table = TestSupport.createTable(dynamo, "described", StreamViewType.NEW_IMAGE);

    TableDescription description = dynamo.describeTable(r -> r.tableName(table)).table();

    assertThat(description.latestStreamArn())
        .startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/stream/")
        .endsWith("/stream/" + description.latestStreamLabel());
    assertThat(description.streamSpecification().streamEnabled()).isTrue();
    assertThat(description.streamSpecification().streamViewType())
        .isEqualTo(StreamViewType.NEW_IMAGE);
    assertThat(dynamo.listTables().tableNames()).contains(table);
  }

  @Test
  void listStreamsAndDescribeStreamNameTheTableItsKeyAndItsShard() {
    String table = TestSupport.createTable(dynamo, "listed", StreamViewType.KEYS_ONLY);
    String arn = streamArn(dynamo, table);

    assertThat(streams.listStreams(r -> r.tableName(table)).streams())
        .singleElement()
        .satisfies(
            stream -> {
              assertThat(stream.streamArn()).isEqualTo(arn);
              assertThat(stream.tableName()).isEqualTo(table);
            });
    assertThat(streams.listStreams().streams()).extracting(s -> s.streamArn()).contains(arn);

    StreamDescription description =
        streams.describeStream(r -> r.streamArn(arn)).streamDescription();
    assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
    assertThat(description.streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
    assertThat(description.tableName()).isEqualTo(table);
    assertThat(description.keySchema())
        .singleElement()
        .satisfies(
            key -> {
              assertThat(key.attributeName()).isEqualTo("pk");
              assertThat(key.keyType()).isEqualTo(KeyType.HASH);
            });
    assertThat(description.shards())
        .singleElement()
        .satisfies(
            shard -> assertThat(shard.sequenceNumberRange().startingSequenceNumber()).isNotBlank());
  }

  @Test
  void aLatestIteratorSeesOnlyWritesMadeAfterIt() {
    String table = TestSupport.createTable(dynamo, "latest", StreamViewType.NEW_IMAGE);
    String arn = streamArn(dynamo, table);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("before"))));

    String iterator = iterator(arn, ShardIteratorType.LATEST, null);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("after"))));

    assertThat(drain(streams, iterator))
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("after");
  }

  @Test
  void sequenceNumberIteratorsStartAtOrAfterTheGivenRecord() {
    String table = TestSupport.createTable(dynamo, "sequence", StreamViewType.NEW_IMAGE);
    String arn = streamArn(dynamo, table);
    for (String pk : List.of("a", "b", "c")) {
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk))));
    }
    List<Record> all = allRecords(streams, arn);
    String first = all.get(0).dynamodb().sequenceNumber();
    String second = all.get(1).dynamodb().sequenceNumber();

    assertThat(drain(streams, iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, first)))
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("b", "c");
    assertThat(drain(streams, iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second)))
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("b", "c");
  }

  @Test
  void getRecordsPagesWithLimitAndNextShardIteratorDeliveringEachRecordOnce() {
    String table = TestSupport.createTable(dynamo, "paged", StreamViewType.NEW_IMAGE);
    String arn = streamArn(dynamo, table);
    for (int i = 0; i < 5; i++) {
      String pk = "k" + i;
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s(pk))));
    }

    List<Integer> pageSizes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String next = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
    for (int page = 0; page < 4; page++) {
      String current = next;
      var answer = streams.getRecords(r -> r.shardIterator(current).limit(2));
      pageSizes.add(answer.records().size());
      answer.records().forEach(r -> seen.add(r.dynamodb().keys().get("pk").s()));
      next = answer.nextShardIterator();
    }

    assertThat(pageSizes).containsExactly(2, 2, 1, 0);
    assertThat(seen).containsExactly("k0", "k1", "k2", "k3", "k4");
    assertThat(next).isNotBlank(); // an open shard never runs out of iterators

    String afterAll = next;
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k5"))));
    assertThat(streams.getRecords(r -> r.shardIterator(afterAll)).records())
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("k5");
  }

  @Test
  void updateTableTurnsAStreamOnAndOff() {
    String table = TestSupport.createTable(dynamo, "toggled", null);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("unrecorded"))));

    TableDescription enabled =
        dynamo
            .updateTable(
                r ->
                    r.tableName(table)
                        .streamSpecification(
                            s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
            .tableDescription();
    assertThat(enabled.latestStreamArn()).isEqualTo(streamArn(dynamo, table));
    DynamoDbException twice =
        catchThrowableOfType(
            DynamoDbException.class,
            () ->
                dynamo.updateTable(
                    r ->
                        r.tableName(table)
                            .streamSpecification(
                                s ->
                                    s.streamEnabled(true)
                                        .streamViewType(StreamViewType.KEYS_ONLY))));
    assertThat(twice.awsErrorDetails().errorCode()).isEqualTo("ValidationException");

    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("recorded"))));
    dynamo.updateTable(r -> r.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("after-disable"))));

    String arn = enabled.latestStreamArn();
    assertThat(allRecords(streams, arn))
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("recorded");
    StreamDescription disabled = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
    assertThat(disabled.streamStatus()).isEqualTo(StreamStatus.DISABLED);
    assertThat(disabled.shards().getFirst().sequenceNumberRange().endingSequenceNumber())
        .isNotNull();
    var readToTheEnd =
        streams.getRecords(
            r -> r.shardIterator(iterator(arn, ShardIteratorType.TRIM_HORIZON, null)));
    assertThat(readToTheEnd.records()).hasSize(1);
    assertThat(readToTheEnd.nextShardIterator()).as("a closed shard read to its end").isNull();
    assertThat(dynamo.describeTable(r -> r.tableName(table)).table().streamSpecification())
        .isNull();
  }

  @Test
  void anUnknownStreamIsNotFound() {
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () ->
                    streams.describeStream(
                        r ->
                            r.streamArn(
                                "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/x"))))
        .isNotNull();
  }

  private static String iterator(String arn, ShardIteratorType type, String sequenceNumber) {
    return streams
        .getShardIterator(
            r ->
                r.streamArn(arn)
                    .shardId(shardId(streams, arn))
                    .shardIteratorType(type)
                    .sequenceNumber(sequenceNumber))
        .shardIterator();
  }
}
