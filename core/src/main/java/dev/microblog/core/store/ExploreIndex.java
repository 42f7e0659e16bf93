package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.PostId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The explore index ({@code gsi1}, keys only): every post's entry in one of {@link
 * Table#EXPLORE_SHARDS} partitions of its day, sorted by time. Read a stretch of time at once,
 * every shard of every day in it, merged into one order.
 */
final class ExploreIndex {
  private final Table table;

  ExploreIndex(Table table) {
    this.table = table;
  }

  /** An index entry: a post's id and time, as its sort key spells them. */
  record Keyed(String key, PostId id, Instant createdAt) {
    static Keyed parse(String orderKey) {
      String[] parts = orderKey.split("#");
      return new Keyed(
          orderKey,
          new PostId(parts[1], Long.parseLong(parts[2])),
          Instant.ofEpochMilli(Long.parseLong(parts[0])));
    }
  }

  /**
   * Entries written in {@code [from, to)}, oldest first ({@code ascending}) or newest first, at
   * most {@code limit}: every shard of every day in the stretch, merged by the sort key.
   */
  List<Keyed> between(Instant from, Instant to, int limit, boolean ascending) {
    TreeMap<String, Keyed> merged = new TreeMap<>();
    LocalDate first = day(from);
    LocalDate last = day(to.minusMillis(1));
    String low = pad(from.toEpochMilli(), 13);
    String high = pad(to.toEpochMilli() - 1, 13) + "~";
    for (LocalDate d = ascending ? first : last;
        ascending ? !d.isAfter(last) : !d.isBefore(first);
        d = ascending ? d.plusDays(1) : d.minusDays(1)) {
      // The day's shards at once: each is its own partition, and a render waits for the slowest.
      List<Callable<List<Keyed>>> shards = new ArrayList<>();
      for (int shard = 0; shard < EXPLORE_SHARDS; shard++) {
        String bucket = exploreBucket(d, shard);
        shards.add(() -> bucket(bucket, low, high, limit, ascending));
      }
      for (List<Keyed> found : all(shards)) {
        found.forEach(k -> merged.put(k.key(), k));
      }
      // Newest first: once a day gave enough, older days cannot give newer posts.
      if (!ascending && merged.size() >= limit) {
        break;
      }
    }
    List<Keyed> ordered =
        new ArrayList<>(ascending ? merged.values() : merged.descendingMap().values());
    return ordered.subList(0, Math.min(limit, ordered.size()));
  }

  /** Up to {@code limit} entries of one index partition between the two sort keys. */
  private List<Keyed> bucket(String bucket, String low, String high, int limit, boolean ascending) {
    var pages =
        table
            .client()
            .queryPaginator(
                q ->
                    q.tableName(table.name())
                        .indexName(GSI1)
                        .keyConditionExpression(
                            "gsi1pk = :bucket AND gsi1sk BETWEEN :low AND :high")
                        .expressionAttributeValues(
                            Map.of(":bucket", s(bucket), ":low", s(low), ":high", s(high)))
                        .scanIndexForward(ascending)
                        .limit(Math.min(limit, 1000)));
    List<Keyed> found = new ArrayList<>();
    for (var item : pages.items()) {
      found.add(Keyed.parse(str(item, GSI1_SK)));
      if (found.size() >= limit) {
        break;
      }
    }
    return found;
  }

  private static <T> List<T> all(List<Callable<T>> calls) {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<T> results = new ArrayList<>();
      for (Future<T> f : threads.invokeAll(calls)) {
        results.add(f.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the explore index", e);
    }
  }

  private static LocalDate day(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
