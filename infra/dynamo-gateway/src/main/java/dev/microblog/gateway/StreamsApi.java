package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The DynamoDB Streams API (DynamoDBStreams_20120810.*) over the in-memory logs. A shard iterator
 * is "this stream, after this sequence number, issued at this time", encoded; as in AWS it expires
 * 15 minutes after it was issued, and one that points at trimmed records is refused.
 */
final class StreamsApi {
  static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
  private static final int MAX_LIMIT = 1000;

  private final StreamStore streams;
  private final KeySchemas keySchemas;
  private final Faults faults;
  private volatile Duration iteratorLifetime = ITERATOR_LIFETIME;

  StreamsApi(StreamStore streams, KeySchemas keySchemas, Faults faults) {
    this.streams = streams;
    this.keySchemas = keySchemas;
    this.faults = faults;
  }

  /** For tests: how long an iterator stays good. */
  void iteratorLifetime(Duration lifetime) {
    iteratorLifetime = lifetime;
  }

  Reply handle(String operation, ObjectNode request) throws GatewayError {
    ObjectNode answer =
        switch (operation) {
          case "ListStreams" -> listStreams(request);
          case "DescribeStream" -> describeStream(request);
          case "GetShardIterator" -> getShardIterator(request);
          case "GetRecords" -> getRecords(request);
          default ->
              throw GatewayError.of(
                  400,
                  "com.amazon.coral.service#UnknownOperationException",
                  "Unknown operation DynamoDBStreams_20120810." + operation);
        };
    return Reply.json(200, answer);
  }

  private ObjectNode listStreams(ObjectNode request) throws GatewayError {
    String table = Json.text(request, "TableName");
    int limit = limit(request, 100);
    String exclusiveStart = Json.text(request, "ExclusiveStartStreamArn");
    List<StreamLog> logs =
        streams.list().stream().filter(log -> table == null || log.table().equals(table)).toList();
    int from = 0;
    if (exclusiveStart != null) {
      while (from < logs.size() && !logs.get(from).arn().equals(exclusiveStart)) {
        from++;
      }
      from++;
    }
    ObjectNode answer = Json.object();
    ArrayNode list = answer.putArray("Streams");
    int to = Math.min(logs.size(), from + limit);
    for (StreamLog log : logs.subList(Math.min(from, logs.size()), to)) {
      list.addObject()
          .put("StreamArn", log.arn())
          .put("TableName", log.table())
          .put("StreamLabel", log.label());
    }
    if (to < logs.size()) {
      answer.put("LastEvaluatedStreamArn", logs.get(to - 1).arn());
    }
    return answer;
  }

  private ObjectNode describeStream(ObjectNode request) throws GatewayError {
    StreamLog log = log(Json.text(request, "StreamArn"));
    ObjectNode description = Json.object();
    description.put("StreamArn", log.arn());
    description.put("StreamLabel", log.label());
    description.put("StreamStatus", log.enabled() ? "ENABLED" : "DISABLED");
    description.put("StreamViewType", log.viewType());
    description.put("CreationRequestDateTime", log.createdMillis() / 1000.0);
    description.put("TableName", log.table());
    try {
      description.set("KeySchema", keySchemas.of(log.table()).raw());
    } catch (IOException | GatewayError e) {
      // the table is gone; its stream can still be read until it ages out
    }
    ArrayNode shards = description.putArray("Shards");
    if (!log.shardId().equals(Json.text(request, "ExclusiveStartShardId"))) {
      ObjectNode range = shards.addObject().put("ShardId", log.shardId());
      ObjectNode sequenceRange = range.putObject("SequenceNumberRange");
      sequenceRange.put("StartingSequenceNumber", StreamStore.formatSequence(log.firstSequence()));
      if (!log.enabled()) { // a disabled stream's shard is closed: nothing comes after its end
        sequenceRange.put("EndingSequenceNumber", StreamStore.formatSequence(log.lastSequence()));
      }
    }
    ObjectNode answer = Json.object();
    answer.set("StreamDescription", description);
    return answer;
  }

  private ObjectNode getShardIterator(ObjectNode request) throws GatewayError {
    StreamLog log = log(Json.text(request, "StreamArn"));
    String shardId = Json.text(request, "ShardId");
    if (!log.shardId().equals(shardId)) {
      throw GatewayError.notFound("Requested resource not found: Shard does not exist");
    }
    String type = String.valueOf(Json.text(request, "ShardIteratorType"));
    long after =
        switch (type) {
          case "TRIM_HORIZON" -> log.trimmedThrough();
          case "LATEST" -> log.lastSequence();
          case "AT_SEQUENCE_NUMBER" -> notTrimmed(log, sequenceNumber(request) - 1);
          case "AFTER_SEQUENCE_NUMBER" -> notTrimmed(log, sequenceNumber(request));
          default ->
              throw GatewayError.validation(
                  "1 validation error detected: Value '"
                      + type
                      + "' at 'shardIteratorType' failed to satisfy constraint: Member must"
                      + " satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER,"
                      + " TRIM_HORIZON, LATEST]");
        };
    return Json.object().put("ShardIterator", iterator(log, after));
  }

  private ObjectNode getRecords(ObjectNode request) throws GatewayError {
    String iterator = Json.text(request, "ShardIterator");
    String[] parts = decode(iterator);
    StreamLog log = log(parts[0]);
    long after = Long.parseLong(parts[1]);
    long issued = Long.parseLong(parts[2]);
    if (System.currentTimeMillis() - issued > iteratorLifetime.toMillis()
        || faults.fires(Faults.Kind.EXPIRED_ITERATOR, "GetRecords")) {
      throw GatewayError.dynamodb(
          "ExpiredIteratorException", "The provided iterator exceeds the maximum age allowed.");
    }
    // Only a read with records ahead of it is eligible: trimming nothing would change nothing.
    if (log.lastSequence() > after && faults.fires(Faults.Kind.TRIMMED_RECORDS, "GetRecords")) {
      log.trimAll();
    }
    notTrimmed(log, after);
    ObjectNode answer = Json.object();
    ArrayNode records = answer.putArray("Records");
    boolean closed = !log.enabled(); // read before the records, so none can slip in between
    for (StreamLog.Entry entry : log.after(after, limit(request, MAX_LIMIT))) {
      records.add(entry.record());
      after = entry.sequence();
    }
    // An open shard always has a next iterator; a closed one has none once it is read to the end.
    if (!closed || after < log.lastSequence()) {
      answer.put("NextShardIterator", iterator(log, after));
    }
    return answer;
  }

  private StreamLog log(String arn) throws GatewayError {
    StreamLog log = arn == null ? null : streams.find(arn);
    if (log == null) {
      throw GatewayError.notFound("Requested resource not found: Stream: " + arn + " not found");
    }
    return log;
  }

  /** The position, unless the record right after it was trimmed away. */
  private static long notTrimmed(StreamLog log, long after) throws GatewayError {
    if (after < log.trimmedThrough()) {
      throw GatewayError.dynamodb(
          "TrimmedDataAccessException",
          "The operation attempted to read past the oldest stream record in a shard.");
    }
    return after;
  }

  private static long sequenceNumber(ObjectNode request) throws GatewayError {
    String text = Json.text(request, "SequenceNumber");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw GatewayError.validation("Invalid SequenceNumber: " + text);
    }
  }

  private static int limit(ObjectNode request, int max) throws GatewayError {
    JsonNode limit = request.get("Limit");
    if (limit == null || limit.isNull()) {
      return max;
    }
    if (!limit.canConvertToInt() || limit.asInt() < 1 || limit.asInt() > max) {
      throw GatewayError.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and "
              + max);
    }
    return limit.asInt();
  }

  private static String iterator(StreamLog log, long after) {
    String plain = log.arn() + "|" + after + "|" + System.currentTimeMillis();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String iterator) throws GatewayError {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
      int second = plain.lastIndexOf('|');
      int first = plain.lastIndexOf('|', second - 1);
      String[] parts = {
        plain.substring(0, first), plain.substring(first + 1, second), plain.substring(second + 1)
      };
      Long.parseLong(parts[1]);
      Long.parseLong(parts[2]);
      return parts;
    } catch (RuntimeException e) {
      throw GatewayError.validation("Invalid ShardIterator: " + iterator);
    }
  }
}
