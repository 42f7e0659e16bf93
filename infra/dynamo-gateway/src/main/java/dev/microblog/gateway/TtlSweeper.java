package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.KeySchemas.KeySchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes items whose TTL attribute (a number of epoch seconds) is in the past, as DynamoDB's TTL
 * does, once a second and on demand. Each deletion is a REMOVE stream record made by the service,
 * which is how consumers tell expiry from a user's delete.
 *
 * <p>Finding expired items takes a scan of the whole table, and dynalite has one thread: at 300k
 * items a scan takes seconds, so a sweep every second would keep dynalite busy for good and slow
 * every request (benchmarks measured it). So the pause after a sweep grows with what the sweep took
 * ({@link #pauseAfter}): the sweeper never takes more than about a tenth of dynalite's time.
 * DynamoDB itself promises expiry within days, not seconds.
 */
final class TtlSweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TtlSweeper.class);

  private final DynaliteClient dynalite;
  private final GatewayState state;
  private final KeySchemas keySchemas;
  private final StreamStore streams;
  private final Lock writeLock;
  private volatile boolean failing;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().daemon().name("dynamo-gateway-ttl").unstarted(task));

  TtlSweeper(
      DynaliteClient dynalite,
      GatewayState state,
      KeySchemas keySchemas,
      StreamStore streams,
      Lock writeLock) {
    this.dynalite = dynalite;
    this.state = state;
    this.keySchemas = keySchemas;
    this.streams = streams;
    this.writeLock = writeLock;
  }

  /** The least pause between sweeps; small tables are swept this often. */
  static final Duration PAUSE = Duration.ofSeconds(1);

  /**
   * Pause for this many times what the last sweep took, when that is longer than {@link #PAUSE}.
   */
  static final int PAUSE_PER_SWEEP_TIME = 9;

  void start() {
    schedule(PAUSE);
  }

  /** The pause after a sweep that took {@code took}. */
  static Duration pauseAfter(Duration took) {
    Duration scaled = took.multipliedBy(PAUSE_PER_SWEEP_TIME);
    return scaled.compareTo(PAUSE) > 0 ? scaled : PAUSE;
  }

  private void schedule(Duration pause) {
    try {
      timer.schedule(this::sweepAndReschedule, pause.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile: no more sweeps
    }
  }

  private void sweepAndReschedule() {
    long start = System.nanoTime();
    sweepQuietly();
    schedule(pauseAfter(Duration.ofNanos(System.nanoTime() - start)));
  }

  /** Deletes every item expired by now; returns how many. One sweep at a time. */
  synchronized int sweepNow() throws IOException {
    long now = System.currentTimeMillis() / 1000;
    int removed = 0;
    for (Map.Entry<String, GatewayState.TableSettings> table : state.all().entrySet()) {
      String attribute = table.getValue().ttlAttribute();
      if (attribute != null) {
        removed += sweep(table.getKey(), attribute, now);
      }
    }
    return removed;
  }

  private void sweepQuietly() {
    try {
      sweepNow();
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (timer.isShutdown() || Thread.currentThread().isInterrupted()) {
        return; // closing: an interrupted sweep is expected, not news
      }
      if (!failing) {
        // Once per outage, not every second while dynalite is down.
        LOG.warn("TTL sweep failed; trying again every second: {}", e.toString());
        failing = true;
      }
    }
  }

  private int sweep(String table, String attribute, long now) throws IOException {
    KeySchema schema = keySchemas.find(table);
    if (schema == null) {
      return 0; // the table went away
    }
    List<ObjectNode> candidates = expiredKeys(table, attribute, now, schema);
    if (candidates.isEmpty()) {
      return 0;
    }
    int removed = 0;
    writeLock.lock();
    try {
      for (ObjectNode key : candidates) {
        // Looked at again under the lock: a writer may have renewed the item since the scan.
        ObjectNode item = dynalite.getItem(table, key);
        if (item == null || !expired(item.get(attribute), now)) {
          continue;
        }
        ObjectNode delete = Json.object().put("TableName", table);
        delete.set("Key", key);
        dynalite.callOk("DeleteItem", delete);
        streams.recordChange(table, key, item, null, true);
        removed++;
      }
    } catch (GatewayError e) {
      throw new IOException("TTL sweep of " + table + " failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
    return removed;
  }

  /** A scan outside the lock: it only finds candidates. */
  private List<ObjectNode> expiredKeys(String table, String attribute, long now, KeySchema schema)
      throws IOException {
    List<ObjectNode> keys = new ArrayList<>();
    ObjectNode scan = Json.object().put("TableName", table).put("FilterExpression", "#ttl < :now");
    scan.putObject("ExpressionAttributeNames").put("#ttl", attribute);
    scan.putObject("ExpressionAttributeValues").putObject(":now").put("N", Long.toString(now));
    JsonNode next;
    do {
      ObjectNode page;
      try {
        page = dynalite.callOk("Scan", scan);
      } catch (GatewayError e) {
        return keys; // e.g. deleted meanwhile
      }
      page.path("Items").forEach(item -> keys.add(schema.keyOf(item)));
      next = page.get("LastEvaluatedKey");
      scan.set("ExclusiveStartKey", next);
    } while (next != null);
    return keys;
  }

  private static boolean expired(JsonNode value, long now) {
    JsonNode number = value == null ? null : value.get("N");
    if (number == null) {
      return false; // only a number is a TTL; anything else is ignored, as DynamoDB does
    }
    try {
      return new BigDecimal(number.asText()).compareTo(BigDecimal.valueOf(now)) < 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
