package dev.microblog.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.store.Table;
import dev.microblog.gateway.Faults.Kind;
import dev.microblog.gateway.LocalDynamo;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The two retry budgets: patient for the stream's consumer, short while a person waits. */
class AwsConfigTest {
  private static LocalDynamo dynamo;
  private static AwsConfig config;

  @BeforeAll
  static void start() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    config = AwsConfig.standIn("DYNAMODB", dynamo.endpoint());
    try (var client = config.dynamoDb()) {
      new Table(client, "budget").createIfMissing();
    }
  }

  @AfterAll
  static void stop() {
    dynamo.close();
  }

  private static final Map<String, AttributeValue> KEY =
      Map.of("pk", AttributeValue.fromS("USER#x"), "sk", AttributeValue.fromS("PROFILE"));

  @Test
  void a_request_gives_up_on_throttling_after_its_few_attempts() {
    long before = dynamo.faults().injected(Kind.THROTTLING);
    dynamo.faults().next(Kind.THROTTLING, 50);
    try (var client = config.dynamoDbForRequests()) {
      assertThatThrownBy(() -> client.getItem(b -> b.tableName("budget").key(KEY)))
          .isInstanceOf(ProvisionedThroughputExceededException.class);
    } finally {
      dynamo.faults().clear();
    }
    assertThat(dynamo.faults().injected(Kind.THROTTLING) - before)
        .isEqualTo(AwsConfig.REQUEST_ATTEMPTS);
  }

  @Test
  void a_request_rides_out_throttling_shorter_than_its_budget() {
    dynamo.faults().next(Kind.THROTTLING, AwsConfig.REQUEST_ATTEMPTS - 1);
    try (var client = config.dynamoDbForRequests()) {
      assertThat(client.getItem(b -> b.tableName("budget").key(KEY)).hasItem()).isFalse();
    } finally {
      dynamo.faults().clear();
    }
  }
}
