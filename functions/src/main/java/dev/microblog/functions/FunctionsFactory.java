package dev.microblog.functions;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.store.Store;
import dev.microblog.site.Templates;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The parts the functions are built from. Each bean is {@link Secondary}, so a test or the local
 * stack can supply its own (a fixed clock, a store over another table).
 */
@Factory
public class FunctionsFactory {

  /**
   * Core's settings, read from Micronaut's environment first ({@code MICROBLOG_TABLE} is looked up
   * as {@code microblog.table}, which also covers the environment variable) and then from plain
   * system properties and environment variables.
   */
  @Singleton
  @Secondary
  AwsConfig awsConfig(Environment environment) {
    return new AwsConfig(
        name ->
            environment
                .getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), String.class)
                .orElseGet(() -> System.getProperty(name, System.getenv(name))));
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
