package dev.microblog.functions.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Asking for one's timeline: a request in the table, then a wait for the generator's answer. */
class HomeTimelineTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static LocalDynamo dynamo;
  private static DynamoDbClient client;
  private static Store store;

  @BeforeAll
  static void start() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
    store = Store.over(client, "home-timeline");
    store.table().createIfMissing();
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  private static HomeTimeline home(Duration patience) {
    return new HomeTimeline(store, Clock.fixed(NOW, ZoneOffset.UTC), patience);
  }

  private static long requested(String username) {
    var item =
        client
            .getItem(
                b ->
                    b.tableName("home-timeline")
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("USER#" + username),
                                "sk", AttributeValue.fromS("HOME"))))
            .item();
    return item.isEmpty() ? -1 : Long.parseLong(item.get("requestedAt").n());
  }

  @Test
  void asking_writes_a_request_the_generator_sees() {
    home(Duration.ZERO).bringUpToDate("ann");

    assertThat(requested("ann")).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void the_asker_waits_until_the_generator_has_served_the_request() throws Exception {
    var waiting =
        CompletableFuture.supplyAsync(() -> home(Duration.ofSeconds(10)).bringUpToDate("ben"));
    // The generator's part: it sees the request, renders, and notes it served it.
    while (requested("ben") < 0) {
      Thread.sleep(10);
    }
    assertThat(waiting).isNotDone();
    store.timelines().served("ben", requested("ben"));

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void an_older_serving_does_not_count_and_patience_runs_out() {
    store.timelines().served("cat", NOW.toEpochMilli() - 1);

    assertThat(home(Duration.ofMillis(200)).bringUpToDate("cat")).isFalse();
  }

  @Test
  void a_late_note_for_an_older_request_never_moves_the_served_mark_back() {
    store.timelines().served("dan", 200);
    store.timelines().served("dan", 100);

    assertThat(store.timelines().servedFor("dan")).isEqualTo(200);
  }
}
