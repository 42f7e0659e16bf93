package dev.microblog.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * The records of one table's stream, in memory, in modification order. One shard is enough for a
 * local stack; records are kept for a day, and the oldest go once the cap is passed.
 */
final class StreamLog {
  static final int DEFAULT_CAP = 100_000;
  static final Duration RETENTION = Duration.ofHours(24);

  record Entry(long sequence, long createdMillis, ObjectNode record) {}

  private final String table;
  private final String label;
  private final String arn;
  private final String viewType;
  private final long createdMillis;
  private final int cap;
  private final List<Entry> entries = new ArrayList<>();
  private long lastSequence;
  private long trimmedThrough;
  private boolean enabled = true;

  StreamLog(
      String table,
      String label,
      String arn,
      String viewType,
      long createdMillis,
      long start,
      int cap) {
    this.table = table;
    this.label = label;
    this.arn = arn;
    this.viewType = viewType;
    this.createdMillis = createdMillis;
    this.lastSequence = start;
    this.cap = cap;
  }

  String table() {
    return table;
  }

  String label() {
    return label;
  }

  String arn() {
    return arn;
  }

  String viewType() {
    return viewType;
  }

  long createdMillis() {
    return createdMillis;
  }

  /** The stream's only shard, named after the stream so it stays the same across restarts. */
  String shardId() {
    return String.format("shardId-%020d-%08x", createdMillis, arn.hashCode());
  }

  synchronized boolean enabled() {
    return enabled;
  }

  synchronized void disable() {
    enabled = false;
  }

  /**
   * Appends a record built for the next sequence number. Numbers are handed out in here, under this
   * log's monitor, so they grow in the order records become visible to readers.
   */
  synchronized void append(LongSupplier nextSequence, LongFunction<ObjectNode> build) {
    long sequence = nextSequence.getAsLong();
    entries.add(new Entry(sequence, System.currentTimeMillis(), build.apply(sequence)));
    lastSequence = sequence;
    trim();
  }

  /** The newest sequence number handed out; a LATEST iterator starts after it. */
  synchronized long lastSequence() {
    return lastSequence;
  }

  /**
   * The newest sequence number dropped (by retention, the cap or {@link #trimAll}), 0 when none
   * was: an iterator positioned before it points at records that no longer exist.
   */
  synchronized long trimmedThrough() {
    trim();
    return trimmedThrough;
  }

  /** Drops every record written so far, as if they had all passed retention. */
  synchronized void trimAll() {
    entries.clear();
    trimmedThrough = lastSequence;
  }

  /** The oldest sequence number still held, or the next one to come when there is none. */
  synchronized long firstSequence() {
    trim();
    return entries.isEmpty() ? lastSequence + 1 : entries.getFirst().sequence();
  }

  /** Up to limit records with a sequence number above the given one. */
  synchronized List<Entry> after(long sequence, int limit) {
    trim();
    int low = 0;
    int high = entries.size();
    while (low < high) { // first entry above sequence
      int middle = (low + high) >>> 1;
      if (entries.get(middle).sequence() <= sequence) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return List.copyOf(entries.subList(low, Math.min(entries.size(), low + limit)));
  }

  synchronized int size() {
    return entries.size();
  }

  /** Drops what is past retention, and past the cap (in chunks, so appends stay cheap). */
  private void trim() {
    long oldest = System.currentTimeMillis() - RETENTION.toMillis();
    int drop = 0;
    while (drop < entries.size() && entries.get(drop).createdMillis() < oldest) {
      drop++;
    }
    if (entries.size() - drop > cap + cap / 10) {
      drop = entries.size() - cap;
    }
    if (drop > 0) {
      trimmedThrough = entries.get(drop - 1).sequence();
      entries.subList(0, drop).clear();
    }
  }
}
