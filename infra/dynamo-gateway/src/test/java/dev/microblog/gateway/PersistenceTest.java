package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.allRecords;
import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.key;
import static dev.microblog.gateway.TestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** With a data directory, a restart keeps the tables, their items and their stream/TTL settings. */
class PersistenceTest {
  @TempDir Path dataDir;

  @Test
  void tablesItemsStreamsAndTtlSurviveARestart() throws Exception {
    String table;
    TableDescription before;
    try (LocalDynamo first = LocalDynamo.start(TestSupport.NODE_MODULES, dataDir, 0);
        DynamoDbClient dynamo = TestSupport.dynamo(first)) {
      table = TestSupport.createTable(dynamo, "kept", StreamViewType.NEW_AND_OLD_IMAGES);
      dynamo.updateTimeToLive(
          r ->
              r.tableName(table)
                  .timeToLiveSpecification(t -> t.enabled(true).attributeName("ttl")));
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s("kept"))));
      before = dynamo.describeTable(r -> r.tableName(table)).table();
    }
    assertThat(dataDir.resolve(GatewayState.FILE_NAME)).exists();
    assertThat(dataDir.resolve("dynalite")).isNotEmptyDirectory();

    try (LocalDynamo second = LocalDynamo.start(TestSupport.NODE_MODULES, dataDir, 0);
        DynamoDbClient dynamo = TestSupport.dynamo(second);
        DynamoDbStreamsClient streams = TestSupport.streams(second)) {
      TableDescription after = dynamo.describeTable(r -> r.tableName(table)).table();
      assertThat(after.latestStreamArn()).isEqualTo(before.latestStreamArn());
      assertThat(after.streamSpecification()).isEqualTo(before.streamSpecification());
      assertThat(dynamo.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription())
          .satisfies(
              ttl -> {
                assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                assertThat(ttl.attributeName()).isEqualTo("ttl");
              });
      assertThat(dynamo.getItem(r -> r.tableName(table).key(key("kept"))).item())
          .isEqualTo(item("pk", s("kept")));

      // Records live in memory: the stream goes on from the restart, under the same ARN.
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s("new"))));
      assertThat(allRecords(streams, after.latestStreamArn()))
          .extracting(r -> r.dynamodb().keys().get("pk").s())
          .containsExactly("new");
    }
  }
}
