package dev.microblog.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

class RetryableTest {

  @Test
  void whatPassesByItself() {
    assertThat(Retryable.test(unreachable())).as("endpoint unreachable").isTrue();
    assertThat(Retryable.test(new CompletionException(unreachable()))).as("as a cause").isTrue();
    assertThat(Retryable.test(ApiCallTimeoutException.create(1000))).as("timeout").isTrue();
    assertThat(Retryable.test(service(500, "InternalServerError"))).as("5xx").isTrue();
    assertThat(
            Retryable.test(
                ProvisionedThroughputExceededException.builder()
                    .statusCode(400)
                    .awsErrorDetails(
                        AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .build())
                    .build()))
        .as("throttled")
        .isTrue();
    assertThat(Retryable.test(TransactionConflictException.builder().statusCode(400).build()))
        .isTrue();
    assertThat(Retryable.test(cancelled("None", "TransactionConflict"))).isTrue();
  }

  @Test
  void whatIsABug() {
    assertThat(Retryable.test(new IllegalStateException("bug"))).isFalse();
    assertThat(Retryable.test(SdkClientException.create("Unable to load credentials"))).isFalse();
    assertThat(Retryable.test(service(400, "ValidationException"))).isFalse();
    assertThat(Retryable.test(ResourceNotFoundException.builder().statusCode(400).build()))
        .as("no such table")
        .isFalse();
    assertThat(Retryable.test(cancelled("ConditionalCheckFailed", "None"))).isFalse();
  }

  private static SdkClientException unreachable() {
    return SdkClientException.create(
        "Unable to execute HTTP request", new ConnectException("Connection refused"));
  }

  private static DynamoDbException service(int status, String code) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }

  private static TransactionCanceledException cancelled(String... codes) {
    return TransactionCanceledException.builder()
        .statusCode(400)
        .cancellationReasons(
            java.util.Arrays.stream(codes)
                .map(c -> CancellationReason.builder().code(c).build())
                .toList())
        .build();
  }
}
