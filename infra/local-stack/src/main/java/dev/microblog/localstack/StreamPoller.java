package dev.microblog.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The local event source mapping: reads a table's stream through the Streams API and invokes a
 * handler with the {@link DynamodbEvent} Lambda would deliver, one batch at a time per shard. A
 * batch item failure (or a thrown exception) makes it deliver again from the failed record, after a
 * growing pause, until the retry limit; then it logs the records it drops and moves on, as Lambda
 * does with {@code MaximumRetryAttempts}.
 */
public final class StreamPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamPoller.class);
  private static final Duration REDISCOVER = Duration.ofSeconds(5);

  /**
   * @param idleWait the pause after a pass that found nothing; bounds the added latency
   */
  public record Settings(
      String functionName,
      int batchSize,
      Duration idleWait,
      int maxRetries,
      Duration firstBackoff,
      Duration maxBackoff,
      EventFilter filter) {
    /** No filter: every record reaches the handler. */
    public static Settings defaults() {
      return new Settings(
          "generator",
          100,
          Duration.ofMillis(25),
          5,
          Duration.ofMillis(100),
          Duration.ofSeconds(5),
          EventFilter.ALL);
    }

    public Settings withBackoff(Duration first, Duration max) {
      return new Settings(functionName, batchSize, idleWait, maxRetries, first, max, filter);
    }

    /** The mapping's FilterCriteria: records it drops count as handled without an invocation. */
    public Settings withFilter(EventFilter filter) {
      return new Settings(
          functionName, batchSize, idleWait, maxRetries, firstBackoff, maxBackoff, filter);
    }
  }

  /**
   * What the poller has done so far.
   *
   * @param records how many records reached the handler
   * @param filteredRecords how many the filter dropped (handled without an invocation)
   */
  public record Stats(
      long batches, long records, long failedBatches, long droppedRecords, long filteredRecords) {}

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Settings settings;
  private final BatchInvoker invoker;
  private final Runnable onRecordsLost;
  private final Map<String, ShardReader> shards = new LinkedHashMap<>();
  private final Thread thread;
  private final AtomicLong passesStarted = new AtomicLong();
  private final Object idleLock = new Object();
  private long lastIdlePass;
  private volatile boolean running = true;
  private long nextDiscovery;

  /** Where a newly found shard is read from: LATEST only for those found at start, if asked. */
  private ShardIteratorType shardStart;

  private StreamPoller(
      DynamoDbStreamsClient streams,
      String streamArn,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      Settings settings,
      Runnable onRecordsLost,
      ShardIteratorType firstStart) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.settings = settings;
    this.invoker = new BatchInvoker(handler, streamArn, settings.functionName(), settings.filter());
    this.onRecordsLost = onRecordsLost;
    this.shardStart = firstStart;
    this.thread = Thread.ofPlatform().daemon().name("stream-poller").unstarted(this::run);
  }

  /** Starts reading {@code table}'s stream from its oldest record (TRIM_HORIZON). */
  public static StreamPoller start(
      DynamoDbClient dynamo,
      DynamoDbStreamsClient streams,
      String table,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      Settings settings) {
    return start(
        dynamo,
        streams,
        table,
        handler,
        settings,
        () -> log.warn("Stream records were trimmed before they were read"));
  }

  /**
   * As above; {@code onRecordsLost} runs (on the poller's thread, before it reads on) when records
   * were trimmed from the stream before they were handed over, so the pages they changed may be
   * behind the table: the local stack rebuilds the site then.
   */
  public static StreamPoller start(
      DynamoDbClient dynamo,
      DynamoDbStreamsClient streams,
      String table,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      Settings settings,
      Runnable onRecordsLost) {
    return start(
        dynamo, streams, table, handler, settings, onRecordsLost, ShardIteratorType.TRIM_HORIZON);
  }

  /**
   * As above, reading the shards there are now from {@code firstStart}: LATEST skips every record
   * written so far (benchmarks load data straight into the table that way, unrendered).
   */
  public static StreamPoller start(
      DynamoDbClient dynamo,
      DynamoDbStreamsClient streams,
      String table,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      Settings settings,
      Runnable onRecordsLost,
      ShardIteratorType firstStart) {
    String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    if (arn == null) {
      throw new IllegalStateException("Table " + table + " has no stream enabled");
    }
    StreamPoller poller =
        new StreamPoller(streams, arn, handler, settings, onRecordsLost, firstStart);
    poller.discoverShards();
    poller.shardStart = ShardIteratorType.TRIM_HORIZON; // children of a split: from their start
    poller.thread.start();
    return poller;
  }

  public String streamArn() {
    return streamArn;
  }

  public Stats stats() {
    return invoker.stats();
  }

  /**
   * Waits until the poller has handed over every record written before this call (or given up on
   * it): a whole pass that began after the call found nothing new and nothing waiting for retry.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long after = passesStarted.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idleLock) {
      while (lastIdlePass <= after) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !running) {
          return false;
        }
        idleLock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void run() {
    while (running) {
      long pass = passesStarted.incrementAndGet();
      boolean delivered = false;
      boolean waiting = false;
      try {
        if (System.nanoTime() - nextDiscovery >= 0) {
          discoverShards();
        }
        for (ShardReader shard : new ArrayList<>(shards.values())) {
          switch (shard.poll()) {
            case DELIVERED -> delivered = true;
            case WAITING -> waiting = true;
            case CLOSED -> {
              nextDiscovery = System.nanoTime(); // look for its children on the next pass
              delivered = true;
            }
            case IDLE -> {}
          }
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("Reading stream {} failed; trying again", streamArn, e);
        waiting = true;
      }
      if (!delivered && !waiting) {
        synchronized (idleLock) {
          lastIdlePass = pass;
          idleLock.notifyAll();
        }
      }
      if (!delivered && !pause(settings.idleWait())) {
        return;
      }
    }
  }

  private void discoverShards() {
    nextDiscovery = System.nanoTime() + REDISCOVER.toNanos();
    String start = null;
    do {
      String exclusiveStart = start;
      var description =
          streams
              .describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
              .streamDescription();
      for (Shard shard : description.shards()) {
        shards.computeIfAbsent(
            shard.shardId(),
            id ->
                new ShardReader(
                    streams, streamArn, id, invoker, settings, onRecordsLost, shardStart));
      }
      start = description.lastEvaluatedShardId();
    } while (start != null);
  }

  private boolean pause(Duration d) {
    try {
      Thread.sleep(d);
      return running;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** Stops after the batch in hand, if any (waits up to 10 s for it). */
  @Override
  public void close() {
    running = false;
    synchronized (idleLock) {
      idleLock.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(10));
      if (thread.isAlive()) {
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
  }
}
