package dev.microblog.generator;

import dev.microblog.generator.publishing.Publisher;
import dev.microblog.generator.rendering.CachePolicy;
import dev.microblog.generator.rendering.Page;
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

  /**
   * Counts a publish. The path is owed an invalidation only when the object it replaced could stay
   * at the edge for long; a short-lived copy goes away by itself, and a new object was never there
   * (its not-found answer is cached for seconds).
   */
  void published(Page page, Publisher.Outcome outcome, Publisher.Seen before) {
    switch (outcome) {
      case CREATED -> created.incrementAndGet();
      case UPDATED -> {
        updated.incrementAndGet();
        if (CachePolicy.longAtTheEdge(before.cacheControl())) {
          stale.add(page.path());
        }
      }
      case UNCHANGED -> unchanged.incrementAndGet();
    }
  }

  void deleted(Publisher.Seen before) {
    deleted.incrementAndGet();
    if (CachePolicy.longAtTheEdge(before.cacheControl())) {
      stale.add(Page.pathOf(before.key()));
    }
  }

  /** Paths to invalidate, sorted so that a batch always sends them in the same order. */
  List<String> stalePaths() {
    return stale.stream().sorted().toList();
  }

  BatchReport report(
      int records,
      int changes,
      int numberings,
      int planned,
      int invalidated,
      long millis,
      String failedAt) {
    return new BatchReport(
        records,
        changes,
        numberings,
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
