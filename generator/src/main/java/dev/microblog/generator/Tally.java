package dev.microblog.generator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what publishing did and collects the paths the CDN must forget. Thread-safe. */
final class Tally {
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger updated = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private final AtomicInteger deleted = new AtomicInteger();
  private final Set<String> stale = ConcurrentHashMap.newKeySet();

  void published(Page page, Publisher.Outcome outcome) {
    switch (outcome) {
      case CREATED -> created.incrementAndGet();
      case UPDATED -> {
        updated.incrementAndGet();
        stale.add(
            page.path()); // a new object was never in the CDN (its 404 is not cached for long)
      }
      case UNCHANGED -> unchanged.incrementAndGet();
    }
  }

  void deleted(String key) {
    deleted.incrementAndGet();
    stale.add(Page.pathOf(key));
  }

  /** Paths to invalidate, sorted so that a batch always sends them in the same order. */
  List<String> stalePaths() {
    return stale.stream().sorted().toList();
  }

  BatchReport report(
      int records, int changes, int planned, int invalidated, long millis, String failedAt) {
    return new BatchReport(
        records,
        changes,
        planned,
        created.get(),
        updated.get(),
        unchanged.get(),
        deleted.get(),
        invalidated,
        millis,
        failedAt);
  }
}
