package dev.microblog.core.store;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.gateway.LocalDynamo;
import java.io.IOException;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One in-memory DynamoDB (dynalite + gateway) per test JVM; each test class gets its own table. */
final class TestTable {
  private static LocalDynamo dynamo;
  private static DynamoDbClient client;

  private TestTable() {}

  static synchronized Store freshStore() {
    if (dynamo == null) {
      try {
        dynamo = LocalDynamo.startInMemory();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the local DynamoDB", e);
      }
      client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
      Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close));
    }
    Store store = Store.over(client, "t" + UUID.randomUUID().toString().substring(0, 8));
    store.table().createIfMissing();
    return store;
  }

  static long itemCount(Store store) {
    return client.scan(b -> b.tableName(store.table().name())).count();
  }
}
