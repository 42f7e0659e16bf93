package dev.microblog.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.GatewayState.StreamSettings;
import dev.microblog.gateway.GatewayState.TableSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * All streams, and the one place that turns an item change into a stream record. Callers hold the
 * gateway's write lock and hand over the item's images from before and after the write.
 */
final class StreamStore {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final GatewayState state;
  private final List<Consumer<AppliedWrite>> writeListeners = new CopyOnWriteArrayList<>();
  private final int cap;
  private final IndexLag indexLag;

  /**
   * Sequence numbers, shared by all streams. Seeded from the clock so that numbers keep growing
   * across a restart, and a consumer's saved position still means "after this".
   */
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

  private final Map<String, StreamLog> byArn = new ConcurrentHashMap<>();

  StreamStore(GatewayState state, int cap, IndexLag indexLag) {
    this.state = state;
    this.cap = cap;
    this.indexLag = indexLag;
    state.all().forEach((table, settings) -> open(table, settings.stream()));
  }

  static String arn(String table, String label) {
    return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + table + "/stream/" + label;
  }

  static String formatSequence(long sequence) {
    return String.format("%021d", sequence);
  }

  /** Settings for a new stream of the table, with a label no earlier stream of it has used. */
  StreamSettings newStream(String table, String viewType) {
    long millis = System.currentTimeMillis();
    while (byArn.containsKey(arn(table, LABEL.format(Instant.ofEpochMilli(millis))))) {
      millis++;
    }
    return new StreamSettings(true, viewType, LABEL.format(Instant.ofEpochMilli(millis)), millis);
  }

  /** The log for a table's stream settings, made on first use; null when there is no stream. */
  StreamLog open(String table, StreamSettings settings) {
    if (settings == null) {
      return null;
    }
    StreamLog log =
        byArn.computeIfAbsent(
            arn(table, settings.label()),
            arn ->
                new StreamLog(
                    table,
                    settings.label(),
                    arn,
                    settings.viewType(),
                    settings.createdEpochMillis(),
                    sequence.incrementAndGet(),
                    cap));
    if (!settings.enabled()) {
      log.disable();
    }
    return log;
  }

  StreamLog find(String arn) {
    return byArn.get(arn);
  }

  /** Drops every record written so far from every stream, as 24 hours of retention would. */
  void trimAll() {
    byArn.values().forEach(StreamLog::trimAll);
  }

  /** Newest first, the order a consumer picking "the" stream of a table wants. */
  List<StreamLog> list() {
    return byArn.values().stream()
        .sorted(Comparator.comparingLong(StreamLog::createdMillis).reversed())
        .toList();
  }

  /**
   * Whether writes to the table must bring their old and new images here: it has a stream, or the
   * lagging index fault needs to know what changed.
   */
  boolean watched(String table) {
    return state.get(table).streaming() || indexLag.tracking();
  }

  /**
   * Records a change of one item if the table has a stream and the item really changed: a write
   * that changes nothing writes no record. Images are null when the item does not exist.
   */
  /** Hears of every applied write (benchmarks count write units with it). */
  void onWrite(Consumer<AppliedWrite> listener) {
    writeListeners.add(listener);
  }

  void recordChange(
      String table, ObjectNode keys, ObjectNode oldImage, ObjectNode newImage, boolean byTtl) {
    recordChange(table, keys, oldImage, newImage, byTtl, false);
  }

  void recordChange(
      String table,
      ObjectNode keys,
      ObjectNode oldImage,
      ObjectNode newImage,
      boolean byTtl,
      boolean transactional) {
    if (!byTtl && !writeListeners.isEmpty()) {
      AppliedWrite write = new AppliedWrite(table, oldImage, newImage, transactional);
      writeListeners.forEach(l -> l.accept(write));
    }
    if (AttributeValues.sameItem(oldImage, newImage)) {
      return;
    }
    indexLag.changed(table, keys, oldImage);
    TableSettings settings = state.get(table);
    if (!settings.streaming()) {
      return;
    }
    StreamLog log = open(table, settings.stream());
    String eventName = oldImage == null ? "INSERT" : newImage == null ? "REMOVE" : "MODIFY";
    log.append(
        sequence::incrementAndGet,
        number -> record(number, eventName, log.viewType(), keys, oldImage, newImage, byTtl));
  }

  private static ObjectNode record(
      long number,
      String eventName,
      String viewType,
      ObjectNode keys,
      ObjectNode oldImage,
      ObjectNode newImage,
      boolean byTtl) {
    ObjectNode dynamodb = Json.object();
    dynamodb.put("ApproximateCreationDateTime", System.currentTimeMillis() / 1000);
    dynamodb.set("Keys", keys);
    int size = Json.bytes(keys).length;
    boolean withNew = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
    boolean withOld = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
    if (withNew && newImage != null) {
      dynamodb.set("NewImage", newImage);
      size += Json.bytes(newImage).length;
    }
    if (withOld && oldImage != null) {
      dynamodb.set("OldImage", oldImage);
      size += Json.bytes(oldImage).length;
    }
    dynamodb.put("SequenceNumber", formatSequence(number));
    dynamodb.put("SizeBytes", size);
    dynamodb.put("StreamViewType", viewType);

    ObjectNode record = Json.object();
    record.put("eventID", UUID.randomUUID().toString().replace("-", ""));
    record.put("eventName", eventName);
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", REGION);
    record.set("dynamodb", dynamodb);
    if (byTtl) {
      // The Streams wire format (what the SDK reads) spells these PrincipalId/Type; the Lambda
      // event format spells them principalId/type. Both are here so that code copying raw
      // records into a Lambda DynamodbEvent finds them too.
      record
          .putObject("userIdentity")
          .put("PrincipalId", "dynamodb.amazonaws.com")
          .put("Type", "Service")
          .put("principalId", "dynamodb.amazonaws.com")
          .put("type", "Service");
    }
    return record;
  }
}
