package dev.microblog.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Where the AWS services are. In AWS nothing is set but the table name and the defaults apply; on a
 * local stack {@code MICROBLOG_ENDPOINT_<SERVICE>} points a client at the stand-in. The code that
 * uses the clients never knows which it talks to.
 */
public record AwsConfig(Function<String, String> settings) {

  /**
   * Settings given as values (the functions' typed configuration).
   *
   * @param endpoints stand-ins by service ("DYNAMODB", …); empty in AWS
   */
  public static AwsConfig of(String table, String region, Map<String, URI> endpoints) {
    Map<String, String> settings = new HashMap<>();
    settings.put("MICROBLOG_TABLE", table);
    settings.put("AWS_REGION", region);
    endpoints.forEach(
        (service, uri) -> settings.put("MICROBLOG_ENDPOINT_" + service, uri.toString()));
    return new AwsConfig(Map.copyOf(settings)::get);
  }

  /** Settings that point {@code service} at a stand-in (the local stack, tests). */
  public static AwsConfig standIn(String service, URI endpoint) {
    return new AwsConfig(Map.of("MICROBLOG_ENDPOINT_" + service, endpoint.toString())::get);
  }

  public String tableName() {
    return setting("MICROBLOG_TABLE").orElse("microblog");
  }

  public Region region() {
    return Region.of(setting("AWS_REGION").orElse("us-east-1"));
  }

  /** The endpoint override for a service ("DYNAMODB", "S3", "SES", "CLOUDFRONT"), if any. */
  public Optional<URI> endpoint(String service) {
    return setting("MICROBLOG_ENDPOINT_" + service).map(URI::create);
  }

  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.apply(name)).filter(v -> !v.isBlank());
  }

  /**
   * A client with DynamoDB's own retry policy: nine attempts, with up to a minute of backoff while
   * throttled. Right for the generator, which the stream retries anyway.
   */
  public DynamoDbClient dynamoDb() {
    var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    return configure(builder, "DYNAMODB").build();
  }

  /**
   * A client for code that answers a person: {@value #REQUEST_ATTEMPTS} quick attempts, about a
   * second at most, and then the caller says "try again in a moment" instead of holding the reader
   * (and API Gateway's 29-second limit) through the default policy's minute of backoff.
   */
  public DynamoDbClient dynamoDbForRequests() {
    RetryStrategy quick =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(REQUEST_ATTEMPTS)
            .backoffStrategy(BackoffStrategy.exponentialDelay(ms(25), ms(200)))
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(ms(100), ms(400)))
            .build();
    var builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(quick));
    return configure(builder, "DYNAMODB").build();
  }

  /** Attempts per DynamoDB call while a person waits for the answer. */
  public static final int REQUEST_ATTEMPTS = 3;

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** The table's stream, read the way Lambda's event source does (the local stack's poller). */
  public DynamoDbStreamsClient dynamoDbStreams() {
    var builder = DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create());
    return configure(builder, "DYNAMODB").build();
  }

  /** Applies region, endpoint and credentials; local stand-ins take any static key. */
  public <B extends SdkClientBuilder<B, ?>> B configure(B builder, String service) {
    endpoint(service).ifPresent(builder::endpointOverride);
    if (builder
        instanceof software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> aws) {
      aws.region(region());
      aws.credentialsProvider(credentials(service));
    }
    return builder;
  }

  private AwsCredentialsProvider credentials(String service) {
    return endpoint(service).isPresent()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : DefaultCredentialsProvider.builder().build();
  }
}
