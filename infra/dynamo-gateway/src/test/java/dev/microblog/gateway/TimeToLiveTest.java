package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.allRecords;
import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.key;
import static dev.microblog.gateway.TestSupport.n;
import static dev.microblog.gateway.TestSupport.s;
import static dev.microblog.gateway.TestSupport.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.microblog.gateway.TestSupport.LocalDynamoFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class TimeToLiveTest {
  @RegisterExtension static final LocalDynamoFixture db = LocalDynamoFixture.start();
  private static final LocalDynamo local = db.local();
  private static final DynamoDbClient dynamo = db.dynamo();
  private static final DynamoDbStreamsClient streams = db.streams();

  @Test
  void updateTimeToLiveIsRememberedAndDescribed() {
    String table = TestSupport.createTable(dynamo, "ttl", null);
    assertThat(describe(table).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);

    var answer = enableTtl(table);

    assertThat(answer.timeToLiveSpecification().enabled()).isTrue();
    assertThat(answer.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
    assertThat(describe(table).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(describe(table).attributeName()).isEqualTo("expiresAt");
    DynamoDbException again = catchThrowableOfType(DynamoDbException.class, () -> enableTtl(table));
    assertThat(again.awsErrorDetails().errorMessage()).isEqualTo("TimeToLive is already enabled");
  }

  @Test
  void aSweepRemovesExpiredItemsWithAServiceRemoveRecordAndKeepsTheRest() {
    String table = TestSupport.createTable(dynamo, "ttl", StreamViewType.NEW_AND_OLD_IMAGES);
    enableTtl(table);
    long now = Instant.now().getEpochSecond();
    dynamo.putItem(
        r -> r.tableName(table).item(item("pk", s("expired"), "expiresAt", n(now - 60))));
    dynamo.putItem(
        r -> r.tableName(table).item(item("pk", s("fresh"), "expiresAt", n(now + 3600))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("forever"))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("text"), "expiresAt", s("1"))));
    dynamo.deleteItem(r -> r.tableName(table).key(key("absent"))); // no item: no record

    local.sweepExpiredNow();

    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("expired"))).hasItem()).isFalse();
    for (String kept : List.of("fresh", "forever", "text")) {
      assertThat(dynamo.getItem(r -> r.tableName(table).key(key(kept))).hasItem()).isTrue();
    }
    List<Record> removals =
        allRecords(streams, streamArn(dynamo, table)).stream()
            .filter(record -> record.eventName() == OperationType.REMOVE)
            .toList();
    assertThat(removals)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.dynamodb().keys()).isEqualTo(key("expired"));
              assertThat(record.dynamodb().oldImage().get("expiresAt")).isEqualTo(n(now - 60));
              assertThat(record.userIdentity().type()).isEqualTo("Service");
              assertThat(record.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            });
  }

  @Test
  void aUsersDeleteCarriesNoServiceIdentity() {
    String table = TestSupport.createTable(dynamo, "ttl", StreamViewType.OLD_IMAGE);
    enableTtl(table);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"))));
    dynamo.deleteItem(r -> r.tableName(table).key(key("k")));

    assertThat(allRecords(streams, streamArn(dynamo, table)))
        .filteredOn(record -> record.eventName() == OperationType.REMOVE)
        .singleElement()
        .satisfies(record -> assertThat(record.userIdentity()).isNull());
  }

  @Test
  void theBackgroundSweeperExpiresItemsWithoutBeingAsked() {
    String table = TestSupport.createTable(dynamo, "ttl", null);
    enableTtl(table);
    long past = Instant.now().getEpochSecond() - 1;
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("k"), "expiresAt", n(past))));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !dynamo.getItem(r -> r.tableName(table).key(key("k"))).hasItem());
  }

  @Test
  void sweepsOfABigTablePauseLongerSoThatScanningTakesAboutATenthOfDynalitesTime() {
    assertThat(TtlSweeper.pauseAfter(Duration.ofMillis(20))).isEqualTo(Duration.ofSeconds(1));
    assertThat(TtlSweeper.pauseAfter(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(18));
  }

  private static UpdateTimeToLiveResponse enableTtl(String table) {
    return dynamo.updateTimeToLive(
        r ->
            r.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
  }

  private static TimeToLiveDescription describe(String table) {
    return dynamo.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
  }
}
