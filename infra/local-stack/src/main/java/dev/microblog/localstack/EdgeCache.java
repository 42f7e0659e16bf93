package dev.microblog.localstack;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge's copy of answers (an object, or the failover origin's not-found page), keyed by request
 * path (query strings are not part of the key, as with CloudFront's CachingOptimized policy). An
 * object stays for its {@code s-maxage}, else its {@code max-age}, else a day; {@code no-store},
 * {@code no-cache} and {@code private} objects are not kept. Invalidation paths are exact, or end
 * in {@code *} to match a prefix.
 */
final class EdgeCache {
  static final Duration DEFAULT_TTL = Duration.ofDays(1);
  private static final Pattern S_MAXAGE = Pattern.compile("(?:^|[,\\s])s-maxage\\s*=\\s*(\\d+)");
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*(\\d+)");
  private static final int MAX_ENTRIES = 20_000;

  record Entry(
      int status, BucketOrigin.StoredObject object, long storedAtNanos, long expiresAtNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final LongSupplier clock;

  EdgeCache(LongSupplier nanoClock) {
    this.clock = nanoClock;
  }

  Optional<Entry> get(String path) {
    Entry e = entries.get(path);
    if (e == null) {
      return Optional.empty();
    }
    if (clock.getAsLong() - e.expiresAtNanos() >= 0) {
      entries.remove(path, e);
      return Optional.empty();
    }
    return Optional.of(e);
  }

  /** The invalidation generation to pass to {@link #put} for a fetch starting now. */
  long generation() {
    return generation.get();
  }

  /**
   * Keeps the object unless an invalidation happened while it was fetched (it may be the old
   * version) or its Cache-Control forbids keeping it.
   */
  void put(String path, int status, BucketOrigin.StoredObject object, long fetchGeneration) {
    Optional<Duration> ttl = ttl(object.cacheControl());
    if (ttl.isEmpty() || ttl.get().isZero()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    long now = clock.getAsLong();
    entries.put(path, new Entry(status, object, now, now + ttl.get().toNanos()));
    if (generation.get() != fetchGeneration) {
      entries.remove(path);
    }
  }

  void invalidate(Collection<String> paths) {
    generation.incrementAndGet();
    for (String path : paths) {
      if (path.endsWith("*")) {
        String prefix = path.substring(0, path.length() - 1);
        entries.keySet().removeIf(key -> key.startsWith(prefix));
      } else {
        entries.remove(path);
      }
    }
  }

  int size() {
    return entries.size();
  }

  /** How long the edge may keep an object with this Cache-Control; empty: not at all. */
  static Optional<Duration> ttl(String cacheControl) {
    if (cacheControl == null || cacheControl.isBlank()) {
      return Optional.of(DEFAULT_TTL);
    }
    String cc = cacheControl.toLowerCase(Locale.ROOT);
    if (cc.contains("no-store") || cc.contains("no-cache") || cc.contains("private")) {
      return Optional.empty();
    }
    for (Pattern p : new Pattern[] {S_MAXAGE, MAX_AGE}) {
      Matcher m = p.matcher(cc);
      if (m.find()) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
      }
    }
    return Optional.of(DEFAULT_TTL);
  }
}
