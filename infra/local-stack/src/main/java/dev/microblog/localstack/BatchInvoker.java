package dev.microblog.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Invokes the handler with one batch and says from which record, if any, the batch must be
 * delivered again. That follows Lambda's partial batch response rules: the lowest reported sequence
 * number counts; an empty or unknown identifier, or a thrown exception, fails the whole batch.
 * Records the mapping's {@link EventFilter} drops never reach the handler and count as handled, as
 * in Lambda: a batch of nothing else succeeds without an invocation.
 */
final class BatchInvoker {
  private static final Logger log = LoggerFactory.getLogger(BatchInvoker.class);
  private static final long TIMEOUT_MILLIS = Duration.ofMinutes(15).toMillis();

  private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
  private final String streamArn;
  private final String functionName;
  private final EventFilter filter;
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong filtered = new AtomicLong();

  BatchInvoker(
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      String streamArn,
      String functionName,
      EventFilter filter) {
    this.handler = handler;
    this.streamArn = streamArn;
    this.functionName = functionName;
    this.filter = filter;
  }

  /**
   * @return the index (in {@code given}) of the first record to deliver again, or -1 when the batch
   *     succeeded
   */
  int invoke(List<Record> given) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      if (filter.delivers(StreamEvents.record(given.get(i), streamArn))) {
        kept.add(i);
      }
    }
    filtered.addAndGet(given.size() - kept.size());
    if (kept.isEmpty()) {
      return -1;
    }
    int failed = invokeHandler(kept.stream().map(given::get).toList());
    return failed < 0 ? -1 : kept.get(failed);
  }

  private int invokeHandler(List<Record> batch) {
    batches.incrementAndGet();
    records.addAndGet(batch.size());
    StreamsEventResponse response;
    try {
      DynamodbEvent event = StreamEvents.event(batch, streamArn);
      response =
          handler.handleRequest(event, LocalContext.forInvocation(functionName, TIMEOUT_MILLIS));
    } catch (RuntimeException e) {
      failedBatches.incrementAndGet();
      log.warn("{} failed on a batch of {} records", functionName, batch.size(), e);
      return 0;
    }
    int failed = firstFailed(batch, response);
    if (failed >= 0) {
      failedBatches.incrementAndGet();
      log.warn(
          "{} reported failures in a batch of {}; delivering again from sequence number {}",
          functionName,
          batch.size(),
          batch.get(failed).dynamodb().sequenceNumber());
    }
    return failed;
  }

  private static int firstFailed(List<Record> batch, StreamsEventResponse response) {
    if (response == null
        || response.getBatchItemFailures() == null
        || response.getBatchItemFailures().isEmpty()) {
      return -1;
    }
    int first = Integer.MAX_VALUE;
    for (var failure : response.getBatchItemFailures()) {
      int index = indexOf(batch, failure.getItemIdentifier());
      if (index < 0) {
        return 0; // Lambda treats an identifier it cannot place as a failure of the whole batch
      }
      first = Math.min(first, index);
    }
    return first;
  }

  private static int indexOf(List<Record> batch, String sequenceNumber) {
    if (sequenceNumber == null || sequenceNumber.isBlank()) {
      return -1;
    }
    for (int i = 0; i < batch.size(); i++) {
      if (sequenceNumber.equals(batch.get(i).dynamodb().sequenceNumber())) {
        return i;
      }
    }
    return -1;
  }

  void dropped(List<Record> given) {
    dropped.addAndGet(given.size());
    log.error(
        "{} kept failing; dropping {} records from sequence number {} to {}",
        functionName,
        given.size(),
        given.getFirst().dynamodb().sequenceNumber(),
        given.getLast().dynamodb().sequenceNumber());
  }

  StreamPoller.Stats stats() {
    return new StreamPoller.Stats(
        batches.get(), records.get(), failedBatches.get(), dropped.get(), filtered.get());
  }
}
