package dev.microblog.functions;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.store.Store;
import dev.microblog.site.Templates;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The parts the functions are built from. Each bean is {@link Secondary}, so a test or the local
 * stack can supply its own (a fixed clock, a store over another table).
 */
@Factory
public class FunctionsFactory {

  /** Core's settings, from the functions' typed ones. */
  @Singleton
  @Secondary
  AwsConfig awsConfig(Settings.Site site, Settings.Endpoints endpoints, Settings.Aws aws) {
    return AwsConfig.of(
        site.table(),
        aws.region(),
        endpoints.dynamodb() == null ? Map.of() : Map.of("DYNAMODB", endpoints.dynamodb()));
  }

  @Singleton
  @Secondary
  @Bean(preDestroy = "close")
  DynamoDbClient dynamoDb(AwsConfig config) {
    return config.dynamoDbForRequests(); // a reader waits: a short retry budget, then 503
  }

  @Singleton
  @Secondary
  Store store(DynamoDbClient client, AwsConfig config) {
    return Store.over(client, config.tableName());
  }

  @Singleton
  @Secondary
  Templates templates() {
    return Templates.fromClasspath();
  }

  @Singleton
  @Secondary
  Clock clock() {
    return Clock.systemUTC();
  }
}
