package dev.microblog.core.store;

import dev.microblog.gateway.LocalDynamo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One in-memory DynamoDB (dynalite + gateway) per test JVM; each test class gets its own table. */
final class TestTable {
  private static LocalDynamo dynamo;
  private static DynamoDbClient client;

  private TestTable() {}

  static synchronized Store freshStore() {
    if (dynamo == null) {
      try {
        dynamo = LocalDynamo.start(nodeModules(), null, 0);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the local DynamoDB", e);
      }
      client =
          DynamoDbClient.builder()
              .endpointOverride(dynamo.endpoint())
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
              .httpClient(UrlConnectionHttpClient.create())
              .build();
      Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close));
    }
    Store store = Store.over(client, "t" + UUID.randomUUID().toString().substring(0, 8));
    store.table().createIfMissing();
    return store;
  }

  static long itemCount(Store store) {
    return client.scan(b -> b.tableName(store.table().name())).count();
  }

  private static Path nodeModules() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !dir.resolve("infra/node/node_modules").toFile().isDirectory()) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "infra/node/node_modules not found: run npm ci in infra/node");
    }
    return dir.resolve("infra/node/node_modules");
  }
}
