package dev.microblog.core.store;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Whether a failure of the store is the kind that goes away by itself (the caller should simply try
 * again a moment later) rather than a bug. The SDK has already retried these; one that reaches a
 * caller outlasted its retries. Here because the store owns what DynamoDB's errors mean.
 */
public final class Retryable {
  private Retryable() {}

  /** Whether {@code failure}, or any of its causes, passes by itself. */
  public static boolean test(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (passing(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean passing(Throwable t) {
    return switch (t) {
      case TransactionCanceledException e ->
          e.cancellationReasons() != null
              && e.cancellationReasons().stream()
                  .anyMatch(r -> Transactions.TRANSIENT.contains(r.code()));
      case Busy e -> true; // the store's own retries of a conflicting transaction ran out
      case TransactionConflictException e -> true;
      case TransactionInProgressException e -> true;
      // Throttling (429 and the DynamoDB codes the SDK knows) or a 5xx from the service.
      case AwsServiceException e -> e.isThrottlingException() || e.statusCode() >= 500;
      case ApiCallTimeoutException e -> true;
      case ApiCallAttemptTimeoutException e -> true;
      // The endpoint could not be reached (refused, reset, DNS, timeouts) - not a bad request.
      case SdkClientException e -> causedByIo(e);
      default -> false;
    };
  }

  private static boolean causedByIo(Throwable t) {
    for (Throwable c = t.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
