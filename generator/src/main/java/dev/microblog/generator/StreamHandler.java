package dev.microblog.generator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda entry point for the table's stream. With partial batch responses on (the event source
 * mapping's {@code ReportBatchItemFailures}), a failure names the first record not done and Lambda
 * retries from there.
 */
public final class StreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final ChangeProcessor processor;

  /** For Lambda: wired from the environment (see {@link Generator#fromEnvironment()}). */
  public StreamHandler() {
    this(Generator.fromEnvironment().processor());
  }

  public StreamHandler(ChangeProcessor processor) {
    this.processor = processor;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    BatchReport report = process(event);
    return new StreamsEventResponse(
        report.failed() ? List.of(new BatchItemFailure(report.failedAt())) : List.of());
  }

  /** Handles the batch and says what it wrote. */
  public BatchReport process(DynamodbEvent event) {
    List<DynamodbEvent.DynamodbStreamRecord> records =
        event == null || event.getRecords() == null ? List.of() : event.getRecords();
    return processor.process(records.stream().map(StreamHandler::toChangeRecord).toList());
  }

  static ChangeRecord toChangeRecord(DynamodbEvent.DynamodbStreamRecord record) {
    StreamRecord data = record.getDynamodb() == null ? new StreamRecord() : record.getDynamodb();
    return new ChangeRecord(
        data.getSequenceNumber(),
        record.getEventName(),
        scalars(data.getKeys()),
        scalars(data.getNewImage()),
        scalars(data.getOldImage()));
  }

  /** S and N attributes as strings; pages are decided by keys and numbers only. */
  static Map<String, String> scalars(Map<String, AttributeValue> image) {
    Map<String, String> out = new HashMap<>();
    if (image != null) {
      image.forEach(
          (name, value) -> {
            if (value == null) {
              return;
            }
            if (value.getS() != null) {
              out.put(name, value.getS());
            } else if (value.getN() != null) {
              out.put(name, value.getN());
            }
          });
    }
    return out;
  }
}
