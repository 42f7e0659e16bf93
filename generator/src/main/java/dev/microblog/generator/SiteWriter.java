package dev.microblog.generator;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders a page and publishes what came out, counting the outcome. */
final class SiteWriter {
  /** Waits before the renderer asks again when an index lags behind the counters. */
  private static final long[] PATIENCE_MS = {50, 200, 500};

  private final SiteRenderer renderer;
  private final Publisher publisher;
  private final Locale locale;

  SiteWriter(SiteRenderer renderer, Publisher publisher, Locale locale) {
    this.renderer = renderer;
    this.publisher = publisher;
    this.locale = locale;
  }

  void write(PageRef ref, Tally tally) {
    Rendering rendering = render(ref);
    for (Page page : rendering.pages()) {
      tally.published(page, publisher.publish(page));
    }
    for (String key : rendering.removals()) {
      if (publisher.delete(key)) {
        tally.deleted(key);
      }
    }
    if (rendering.sweepPrefix() != null) {
      Set<String> keep = rendering.pages().stream().map(Page::key).collect(Collectors.toSet());
      for (String key : publisher.keys(rendering.sweepPrefix())) {
        if (!keep.contains(key) && publisher.delete(key)) {
          tally.deleted(key);
        }
      }
    }
  }

  private Rendering render(PageRef ref) {
    for (int attempt = 0; ; attempt++) {
      try {
        return renderer.render(ref, locale);
      } catch (NotYetVisible e) {
        if (attempt == PATIENCE_MS.length) {
          throw e; // the stream retries the record later
        }
        pause(PATIENCE_MS[attempt]);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an index", e);
    }
  }
}
