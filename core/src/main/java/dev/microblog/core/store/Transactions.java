package dev.microblog.core.store;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads DynamoDB's per-action cancellation reasons. */
final class Transactions {
  private Transactions() {}

  /** Whether action {@code index} of the cancelled transaction failed its condition. */
  static boolean conditionFailed(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return reasons != null
        && index < reasons.size()
        && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  static boolean anyConditionFailed(TransactionCanceledException e) {
    return e.cancellationReasons() != null
        && e.cancellationReasons().stream()
            .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
  }
}
