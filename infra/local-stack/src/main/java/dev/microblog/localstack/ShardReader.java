package dev.microblog.localstack;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** One shard's cursor: reads the next batch, hands it over, and rewinds to a failed record. */
final class ShardReader {
  enum Outcome {
    /** handed a batch over (or dropped one): there may be more right away */
    DELIVERED,
    /** nothing new */
    IDLE,
    /** a failed batch waits for its retry */
    WAITING,
    /** the shard has ended; its children, if any, take over */
    CLOSED
  }

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final String shardId;
  private final BatchInvoker invoker;
  private final StreamPoller.Settings settings;

  private String iterator;
  private boolean closed;

  /** the last record handed over successfully (or dropped), to resume after */
  private String checkpoint;

  private String retryFrom;
  private int attempts;
  private long retryAtNanos;

  ShardReader(
      DynamoDbStreamsClient streams,
      String streamArn,
      String shardId,
      BatchInvoker invoker,
      StreamPoller.Settings settings) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.shardId = shardId;
    this.invoker = invoker;
    this.settings = settings;
    this.iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
  }

  Outcome poll() {
    if (closed) {
      return Outcome.IDLE;
    }
    if (retryFrom != null && System.nanoTime() < retryAtNanos) {
      return Outcome.WAITING;
    }
    GetRecordsResponse response;
    try {
      response = streams.getRecords(b -> b.shardIterator(iterator).limit(settings.batchSize()));
    } catch (ExpiredIteratorException e) {
      iterator =
          checkpoint == null
              ? iterator(ShardIteratorType.TRIM_HORIZON, null)
              : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, checkpoint);
      return Outcome.WAITING;
    }
    List<Record> records = response.records();
    if (records.isEmpty()) {
      retryFrom = null;
      return advance(response, Outcome.IDLE);
    }
    int failed = invoker.invoke(records);
    if (failed < 0) {
      return succeeded(records, response);
    }
    String failedSeq = sequence(records.get(failed));
    if (failed > 0) {
      checkpoint = sequence(records.get(failed - 1));
    }
    attempts = failedSeq.equals(retryFrom) ? attempts + 1 : 1;
    if (attempts > settings.maxRetries()) {
      invoker.dropped(records.subList(failed, records.size()));
      return succeeded(records, response);
    }
    retryFrom = failedSeq;
    retryAtNanos = System.nanoTime() + backoff(attempts).toNanos();
    iterator = iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, failedSeq);
    return Outcome.WAITING;
  }

  private Outcome succeeded(List<Record> records, GetRecordsResponse response) {
    checkpoint = sequence(records.getLast());
    retryFrom = null;
    attempts = 0;
    return advance(response, Outcome.DELIVERED);
  }

  private Outcome advance(GetRecordsResponse response, Outcome outcome) {
    iterator = response.nextShardIterator();
    if (iterator == null) {
      closed = true;
      return Outcome.CLOSED;
    }
    return outcome;
  }

  private Duration backoff(int attempt) {
    Duration d = settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }

  private String iterator(ShardIteratorType type, String sequenceNumber) {
    return streams
        .getShardIterator(
            b ->
                b.streamArn(streamArn)
                    .shardId(shardId)
                    .shardIteratorType(type)
                    .sequenceNumber(sequenceNumber))
        .shardIterator();
  }

  private static String sequence(Record record) {
    return record.dynamodb().sequenceNumber();
  }
}
