package dev.microblog.functions.timeline;

import dev.microblog.core.store.Store;
import dev.microblog.functions.Settings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * A reader's own home timeline, brought up to date when they ask for it. Posts no longer re-render
 * their followers' timelines (that would cost as many pages as the author has followers), so the
 * static copy may be behind; asking writes a request that makes the generator render this one
 * timeline, and waits a moment for it to be served, so the reader lands on a current page.
 */
@Singleton
public final class HomeTimeline {
  private static final Duration POLL = Duration.ofMillis(50);

  private final Store store;
  private final Clock clock;
  private final Duration patience;

  @Inject
  public HomeTimeline(Store store, Clock clock, Settings.Home settings) {
    this(store, clock, settings.patience());
  }

  public HomeTimeline(Store store, Clock clock, Duration patience) {
    this.store = store;
    this.clock = clock;
    this.patience = patience;
  }

  /**
   * Asks for {@code username}'s timeline and waits until the generator has served the request, or
   * until the patience runs out (the page is then shown as it is; it catches up a moment later).
   *
   * @return whether the page is known to be up to date
   */
  public boolean bringUpToDate(String username) {
    long requested = clock.millis();
    store.timelines().request(username, requested);
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      if (store.timelines().servedFor(username) >= requested) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the timeline", e);
    }
  }
}
