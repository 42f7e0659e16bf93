package dev.microblog.core.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes transactions and reads DynamoDB's per-action cancellation reasons.
 *
 * <p>DynamoDB cancels a transaction that touches an item another transaction is writing at that
 * moment ({@code TransactionConflict}), or while a partition is throttled; nothing was written
 * then, and the same transaction may simply be sent again. {@link #write} does so a bounded number
 * of times with jittered backoff, and gives up with {@link Busy}; every other cancellation (a
 * failed condition above all) is the caller's to interpret.
 */
final class Transactions {
  /** Reasons that say "not now" rather than "not so": the same request may succeed next time. */
  static final Set<String> TRANSIENT =
      Set.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

  static final int MAX_ATTEMPTS = 6;
  private static final long FIRST_BACKOFF_MS = 10;
  private static final long MAX_BACKOFF_MS = 320;

  private Transactions() {}

  /**
   * Applies {@code actions} all or nothing.
   *
   * @throws TransactionCanceledException when a condition failed (or any other lasting reason)
   * @throws Busy when transient cancellations outlasted every attempt; nothing was written
   */
  static void write(Table table, List<TransactWriteItem> actions) {
    for (int attempt = 1; ; attempt++) {
      try {
        table.client().transactWriteItems(b -> b.transactItems(actions));
        return;
      } catch (TransactionCanceledException e) {
        if (!onlyTransient(e)) {
          throw e;
        }
        if (attempt == MAX_ATTEMPTS) {
          throw new Busy("transaction still conflicting after " + attempt + " attempts", e);
        }
        backOff(attempt);
      }
    }
  }

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

  /**
   * No condition failed and at least one action was turned away for now. A condition that failed
   * alongside a conflict decides: the caller must see it.
   */
  static boolean onlyTransient(TransactionCanceledException e) {
    List<CancellationReason> reasons = e.cancellationReasons();
    if (reasons == null || reasons.isEmpty()) {
      return false;
    }
    boolean anyTransient = false;
    for (CancellationReason reason : reasons) {
      String code = reason.code();
      if (TRANSIENT.contains(code)) {
        anyTransient = true;
      } else if (code != null && !"None".equals(code)) {
        return false;
      }
    }
    return anyTransient;
  }

  /** Full jitter (AWS's advice for contended writers): a random pause up to a doubling cap. */
  static void backOff(int attempt) {
    long cap = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt - 1, 16));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("interrupted while waiting to retry a transaction", e);
    }
  }
}
