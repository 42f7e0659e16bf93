package dev.microblog.localstack;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One shard's cursor: reads the next batch, hands it over, and rewinds to a failed record. An
 * expired iterator (AWS: after 15 minutes) is renewed after the last record handed over; records
 * trimmed before they were read (AWS keeps them 24 hours) cannot be, so it starts again from the
 * oldest record kept and reports the loss: pages may then be behind the table.
 */
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
  private final Runnable onRecordsLost;

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
      StreamPoller.Settings settings,
      Runnable onRecordsLost,
      ShardIteratorType start) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.shardId = shardId;
    this.invoker = invoker;
    this.settings = settings;
    this.onRecordsLost = onRecordsLost;
    this.iterator = iterator(start, null);
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
      resume();
      return Outcome.WAITING;
    } catch (TrimmedDataAccessException e) {
      restartAfterLoss();
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

  /** A fresh iterator where this reader stood: after its checkpoint, or at a record to retry. */
  private void resume() {
    try {
      if (retryFrom != null) {
        iterator = iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, retryFrom);
      } else if (checkpoint != null) {
        iterator = iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, checkpoint);
      } else {
        iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
      }
    } catch (TrimmedDataAccessException e) {
      restartAfterLoss();
    }
  }

  private void restartAfterLoss() {
    retryFrom = null;
    attempts = 0;
    iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
    onRecordsLost.run();
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
