package dev.microblog.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Real AWS SDK v2 clients pointed at a {@link LocalDynamo}, and the small helpers tests share. */
final class TestSupport {
  static final Path NODE_MODULES =
      Path.of("..", "node", "node_modules").toAbsolutePath().normalize();
  private static final AtomicInteger TABLES = new AtomicInteger();

  private TestSupport() {}

  static LocalDynamo startInMemory() throws IOException {
    return LocalDynamo.start(NODE_MODULES, null, 0);
  }

  static DynamoDbClient dynamo(LocalDynamo local) {
    return pointedAt(local, DynamoDbClient.builder());
  }

  /**
   * A client whose retries differ from DynamoDB's SDK defaults as {@code change} says; the rest of
   * the default strategy (which errors are retried, how many attempts) is kept.
   */
  static DynamoDbClient dynamo(
      LocalDynamo local, UnaryOperator<RetryStrategy.Builder<?, ?>> change) {
    RetryStrategy defaults;
    try (DynamoDbClient plain = dynamo(local)) {
      defaults = plain.serviceClientConfiguration().overrideConfiguration().retryStrategy().get();
    }
    RetryStrategy changed = change.apply(defaults.toBuilder()).build();
    return pointedAt(
        local, DynamoDbClient.builder().overrideConfiguration(o -> o.retryStrategy(changed)));
  }

  /** A client of dynalite itself, past the gateway ({@link LocalDynamo#unrecordedEndpoint}). */
  static DynamoDbClient unrecorded(LocalDynamo local) {
    return pointedAt(local.unrecordedEndpoint(), DynamoDbClient.builder());
  }

  static DynamoDbStreamsClient streams(LocalDynamo local) {
    return pointedAt(local, DynamoDbStreamsClient.builder());
  }

  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C pointedAt(
      LocalDynamo local, B builder) {
    return pointedAt(local.endpoint(), builder);
  }

  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C pointedAt(
      URI endpoint, B builder) {
    return builder
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * An in-memory {@link LocalDynamo} and clients of it, for one test class, which registers it from
   * a static final field: it starts as the class is initialized and closes after the class's tests.
   */
  static final class LocalDynamoFixture implements AfterAllCallback {
    private final LocalDynamo local;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;

    private LocalDynamoFixture(LocalDynamo local) {
      this.local = local;
      this.dynamo = TestSupport.dynamo(local);
      this.streams = TestSupport.streams(local);
    }

    static LocalDynamoFixture start() {
      try {
        return new LocalDynamoFixture(startInMemory());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void afterAll(ExtensionContext context) {
      dynamo.close();
      streams.close();
      local.close();
    }

    LocalDynamo local() {
      return local;
    }

    DynamoDbClient dynamo() {
      return dynamo;
    }

    DynamoDbStreamsClient streams() {
      return streams;
    }
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + TABLES.incrementAndGet();
  }

  /** A new table keyed by the string attribute "pk", with a stream of the given view (or none). */
  static String createTable(DynamoDbClient dynamo, String prefix, StreamViewType view) {
    return createTableNamed(dynamo, uniqueName(prefix), view);
  }

  static String createTableNamed(DynamoDbClient dynamo, String name, StreamViewType view) {
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder()
                    .attributeName("pk")
                    .attributeType(ScalarAttributeType.S)
                    .build())
            .keySchema(
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
    if (view != null) {
      request.streamSpecification(
          StreamSpecification.builder().streamEnabled(true).streamViewType(view).build());
    }
    dynamo.createTable(request.build());
    return name;
  }

  static String streamArn(DynamoDbClient dynamo, String table) {
    return dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
  }

  static String shardId(DynamoDbStreamsClient streams, String streamArn) {
    return streams
        .describeStream(r -> r.streamArn(streamArn))
        .streamDescription()
        .shards()
        .getFirst()
        .shardId();
  }

  /** Every record the stream holds, from the trim horizon to now. */
  static List<Record> allRecords(DynamoDbStreamsClient streams, String streamArn) {
    String iterator =
        streams
            .getShardIterator(
                r ->
                    r.streamArn(streamArn)
                        .shardId(shardId(streams, streamArn))
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    return drain(streams, iterator);
  }

  /** Reads from an iterator until a page comes back empty or the shard ends. */
  static List<Record> drain(DynamoDbStreamsClient streams, String iterator) {
    List<Record> records = new ArrayList<>();
    String next = iterator;
    while (true) {
      String current = next;
      var page = streams.getRecords(r -> r.shardIterator(current));
      records.addAll(page.records());
      next = page.nextShardIterator();
      if (page.records().isEmpty() || next == null) { // caught up, or a closed shard's end
        return records;
      }
    }
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  /** An item from name/value pairs: item("pk", s("a"), "v", n(1)). */
  static Map<String, AttributeValue> item(Object... pairs) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      item.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
    }
    return item;
  }

  static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", s(pk));
  }
}
