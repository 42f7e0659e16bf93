package dev.microblog.generator;

import dev.microblog.generator.planning.PageRef;
import dev.microblog.generator.publishing.Publisher;
import dev.microblog.generator.publishing.Publisher.LostRace;
import dev.microblog.generator.publishing.Publisher.Seen;
import dev.microblog.generator.rendering.Page;
import dev.microblog.generator.rendering.Rendering;
import dev.microblog.generator.rendering.SiteRenderer;
import dev.microblog.generator.state.NotYetVisible;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a page and publishes what came out, counting the outcome.
 *
 * <p>Lambda reads several stream shards at once, so two batches can render the same page from
 * different moments of the table. An older render must never replace a newer one, so every write is
 * an optimistic one: read the objects (their ETags), then render from the table, then write each
 * object only if it is still the version read ({@code If-Match}, or {@code If-None-Match: *} for
 * one that was absent); if another writer came between, start over — read, render, write — a
 * bounded number of times, then fail the record so that the stream delivers it again.
 *
 * <p>Why that suffices: say our write of an object succeeds. Then the object was still the version
 * V we read, so every render that produced V wrote it before our read of the object, and had read
 * the table before writing; we read the table after reading the object. So the page we replaced was
 * rendered from a state no newer than ours. A render that reads the table after the last change
 * either finds its bytes already there, or writes them, or loses to a writer that changed the
 * object after its read — and then reads again and renders the last state once more: the bucket
 * ends with the newest page. (S3's ETag is a digest of the bytes, so "the version read" means "the
 * bytes read": a writer that restored the very bytes we read, from a newer state that happens to
 * render the same, would go unnoticed. The table would have to change and change back between our
 * two reads; the next record for the page renders it again.)
 */
final class SiteWriter {
  /** Waits before the renderer asks again when an index lags behind the counters. */
  private static final long[] PATIENCE_MS = {50, 200, 500};

  /** Read–render–write rounds before the record is given back to the stream. */
  static final int ATTEMPTS = 5;

  private final SiteRenderer renderer;
  private final Publisher publisher;

  SiteWriter(SiteRenderer renderer, Publisher publisher) {
    this.renderer = renderer;
    this.publisher = publisher;
  }

  void write(PageRef ref, Tally tally) {
    SiteRenderer.Footprint footprint = renderer.footprint(ref);
    Set<String> toRead = new LinkedHashSet<>(footprint.keys());
    for (int attempt = 1; ; attempt++) {
      Map<String, Seen> seen = read(toRead, footprint.sweepPrefixes());
      Rendering rendering = render(ref);
      Set<String> unread = unread(rendering, seen, footprint);
      try {
        if (unread.isEmpty()) {
          apply(rendering, seen, tally);
          return;
        }
        toRead.addAll(unread); // a key the footprint did not name: read it too, and render again
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException(ref + " touches objects it did not name: " + unread);
        }
      } catch (LostRace e) {
        if (attempt == ATTEMPTS) {
          throw e; // the stream delivers the record again later
        }
      }
    }
  }

  /** Before rendering: the named objects, and every object under the sweep prefixes. */
  private Map<String, Seen> read(Set<String> keys, List<String> sweepPrefixes) {
    Map<String, Seen> seen = new LinkedHashMap<>();
    for (String key : keys) {
      seen.put(key, publisher.read(key));
    }
    for (String prefix : sweepPrefixes) {
      for (String key : publisher.keys(prefix)) {
        seen.computeIfAbsent(key, publisher::read);
      }
    }
    return seen;
  }

  /**
   * What the rendering would write or delete without having read it first. A key under a listed
   * sweep prefix was read by the listing: absent if the listing did not have it.
   */
  private static Set<String> unread(
      Rendering rendering, Map<String, Seen> seen, SiteRenderer.Footprint footprint) {
    List<String> listed = footprint.sweepPrefixes();
    for (String sweep : rendering.sweepPrefixes()) {
      if (!listed.contains(sweep)) {
        throw new IllegalStateException("sweep of " + sweep + " was not listed before rendering");
      }
    }
    Set<String> unread = new LinkedHashSet<>();
    rendering.pages().stream().map(Page::key).forEach(unread::add);
    unread.addAll(rendering.removals());
    unread.removeIf(k -> seen.containsKey(k) || listed.stream().anyMatch(k::startsWith));
    return unread;
  }

  private static Seen seen(Map<String, Seen> seen, String key) {
    return seen.getOrDefault(key, Seen.absent(key));
  }

  private void apply(Rendering rendering, Map<String, Seen> seen, Tally tally) {
    for (Page page : rendering.pages()) {
      Seen before = seen(seen, page.key());
      tally.published(page, publisher.publish(page, before), before);
    }
    for (String key : rendering.removals()) {
      Seen before = seen(seen, key);
      if (publisher.delete(before)) {
        tally.deleted(before);
      }
    }
    if (!rendering.sweepPrefixes().isEmpty()) {
      // Only what was listed before rendering: an object a newer render added since is not stale.
      Set<String> keep = rendering.pages().stream().map(Page::key).collect(Collectors.toSet());
      for (Seen object : seen.values()) {
        if (rendering.sweepPrefixes().stream().anyMatch(object.key()::startsWith)
            && !keep.contains(object.key())
            && publisher.delete(object)) {
          tally.deleted(object);
        }
      }
    }
  }

  private Rendering render(PageRef ref) {
    for (int attempt = 0; ; attempt++) {
      try {
        return renderer.render(ref);
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
