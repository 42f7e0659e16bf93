package dev.microblog.localstack;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Turns records read through the Streams API into the {@link DynamodbEvent} Lambda hands a
 * function. It writes the event JSON Lambda sends and reads it back with the Lambda runtime's own
 * event serializer, so the handler gets exactly the objects it would get in AWS (dates, binary
 * attributes and all).
 */
final class StreamEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PojoSerializer<DynamodbEvent> LAMBDA =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, StreamEvents.class.getClassLoader());

  private StreamEvents() {}

  static DynamodbEvent event(List<Record> records, String eventSourceArn) {
    return LAMBDA.fromJson(json(records, eventSourceArn));
  }

  /** The event as Lambda's DynamoDB event source mapping serialises it. */
  static String json(List<Record> records, String eventSourceArn) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode list = event.putArray("Records");
    for (Record record : records) {
      list.add(record(record, eventSourceArn));
    }
    return event.toString();
  }

  /** One record of the event, as Lambda serialises it (and matches its filter patterns against). */
  static ObjectNode record(Record record, String eventSourceArn) {
    ObjectNode r = JSON.createObjectNode();
    r.put("eventID", record.eventID());
    r.put("eventName", record.eventNameAsString());
    r.put("eventVersion", record.eventVersion());
    r.put("eventSource", record.eventSource());
    r.put("awsRegion", record.awsRegion());
    r.set("dynamodb", streamRecord(record.dynamodb()));
    r.put("eventSourceARN", eventSourceArn);
    if (record.userIdentity() != null) {
      r.putObject("userIdentity")
          .put("type", record.userIdentity().type())
          .put("principalId", record.userIdentity().principalId());
    }
    return r;
  }

  private static ObjectNode streamRecord(StreamRecord s) {
    ObjectNode d = JSON.createObjectNode();
    if (s.approximateCreationDateTime() != null) {
      // Lambda sends epoch seconds as a JSON number.
      d.put(
          "ApproximateCreationDateTime",
          BigDecimal.valueOf(s.approximateCreationDateTime().toEpochMilli()).movePointLeft(3));
    }
    putImage(d, "Keys", s.keys(), s.hasKeys());
    putImage(d, "NewImage", s.newImage(), s.hasNewImage());
    putImage(d, "OldImage", s.oldImage(), s.hasOldImage());
    d.put("SequenceNumber", s.sequenceNumber());
    if (s.sizeBytes() != null) {
      d.put("SizeBytes", s.sizeBytes());
    }
    d.put("StreamViewType", s.streamViewTypeAsString());
    return d;
  }

  private static void putImage(
      ObjectNode parent, String field, Map<String, AttributeValue> image, boolean present) {
    if (present) {
      parent.set(field, map(image));
    }
  }

  private static ObjectNode map(Map<String, AttributeValue> image) {
    ObjectNode node = JSON.createObjectNode();
    image.forEach((name, value) -> node.set(name, attribute(value)));
    return node;
  }

  /** One attribute in the DynamoDB JSON form: {"S": "…"}, {"N": "…"}, {"M": {…}}, … */
  static ObjectNode attribute(AttributeValue v) {
    ObjectNode node = JSON.createObjectNode();
    switch (v.type()) {
      case S -> node.put("S", v.s());
      case N -> node.put("N", v.n());
      case B -> node.put("B", base64(v.b()));
      case BOOL -> node.put("BOOL", v.bool());
      case NUL -> node.put("NULL", true);
      case SS -> v.ss().forEach(node.putArray("SS")::add);
      case NS -> v.ns().forEach(node.putArray("NS")::add);
      case BS -> {
        ArrayNode array = node.putArray("BS");
        v.bs().forEach(b -> array.add(base64(b)));
      }
      case M -> node.set("M", map(v.m()));
      case L -> {
        ArrayNode array = node.putArray("L");
        v.l().forEach(item -> array.add(attribute(item)));
      }
      default -> throw new IllegalArgumentException("Unknown attribute type in stream: " + v);
    }
    return node;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
