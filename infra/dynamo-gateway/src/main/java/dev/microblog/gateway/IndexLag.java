package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.KeySchemas.KeySchema;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LAGGING_INDEX fault: in DynamoDB a global secondary index is updated asynchronously, so a
 * Query or Scan on it may not see a write yet. Here an index read that the fault hits sees every
 * item written within the lag as it was before that write (its old image, if that had the index
 * keys), or not at all.
 *
 * <p>Only while the fault is on does the gateway remember writes: the table, the key, the old image
 * and the time, and only for as long as the lag.
 */
final class IndexLag {
  /** A hard bound on what is remembered per table, whatever the lag. */
  private static final int MAX_CHANGES_PER_TABLE = 50_000;

  private record Change(long millis, String identity, ObjectNode oldImage) {}

  private record Index(String hash, String range, String projectionType, Set<String> included) {}

  private final Faults faults;
  private final KeySchemas keySchemas;
  private final DynaliteClient dynalite;
  private final Map<String, Deque<Change>> changes = new HashMap<>();

  IndexLag(Faults faults, KeySchemas keySchemas, DynaliteClient dynalite) {
    this.faults = faults;
    this.keySchemas = keySchemas;
    this.dynalite = dynalite;
  }

  /** Whether writes must be remembered (and so their old images read) right now. */
  boolean tracking() {
    return !faults.lagWindow().isZero();
  }

  /** An item of the table changed; oldImage is null when it did not exist before. */
  void changed(String table, ObjectNode key, ObjectNode oldImage) {
    Duration window = faults.lagWindow();
    if (window.isZero()) {
      synchronized (changes) {
        changes.clear();
      }
      return;
    }
    KeySchema schema;
    try {
      schema = keySchemas.find(table);
    } catch (IOException e) {
      return; // dynalite is gone: there will be no index reads to lag either
    }
    if (schema == null) {
      return;
    }
    long now = System.currentTimeMillis();
    synchronized (changes) {
      Deque<Change> log = changes.computeIfAbsent(table, t -> new ArrayDeque<>());
      log.addLast(new Change(now, schema.identity(table, key), oldImage));
      evict(log, now - window.toMillis());
    }
  }

  /** A Query or Scan with IndexName that dynalite answered: lagged if the fault hits it. */
  Reply read(String operation, ObjectNode request, DynaliteClient.Response response)
      throws IOException {
    String table = Json.text(request, "TableName");
    String indexName = Json.text(request, "IndexName");
    Duration window = faults.lagWindow();
    if (!response.ok() || table == null || indexName == null || window.isZero()) {
      return Reply.of(response);
    }
    Map<String, ObjectNode> asBefore =
        recent(table, System.currentTimeMillis() - window.toMillis());
    KeySchema tableKey = keySchemas.find(table);
    // Only a read that could see a recent write is eligible: next(LAGGING_INDEX, n) means n reads
    // that really lag.
    if (asBefore.isEmpty()
        || tableKey == null
        || !faults.fires(Faults.Kind.LAGGING_INDEX, operation + " " + table + "/" + indexName)) {
      return Reply.of(response);
    }
    Index index = describe(table, indexName);
    ObjectNode answer = response.json();
    if (index == null || !(answer.get("Items") instanceof ArrayNode items)) {
      return Reply.of(response); // Select COUNT, or an index dynalite knows and we cannot read
    }
    List<ObjectNode> kept = new ArrayList<>();
    int removed = 0;
    for (JsonNode item : items) {
      ObjectNode key = tableKey.keyOf(item);
      if (key != null && asBefore.containsKey(tableKey.identity(table, key))) {
        removed++;
      } else {
        kept.add((ObjectNode) item);
      }
    }
    int added = 0;
    AddBack addBack = AddBack.of(operation, request, answer, index);
    if (addBack != null) {
      for (ObjectNode old : asBefore.values()) {
        if (old != null && addBack.wants(old)) {
          kept.add(project(old, tableKey, index, request));
          added++;
        }
      }
      addBack.sort(kept);
    }
    ArrayNode lagged = answer.putArray("Items");
    kept.forEach(lagged::add);
    answer.put("Count", kept.size());
    if (answer.has("ScannedCount")) {
      answer.put("ScannedCount", Math.max(0, answer.get("ScannedCount").asInt() + added - removed));
    }
    return Reply.rewritten(response, answer);
  }

  /** Per item written since {@code since}: its image as of then (null: it did not exist). */
  private Map<String, ObjectNode> recent(String table, long since) {
    synchronized (changes) {
      Deque<Change> log = changes.get(table);
      Map<String, ObjectNode> asBefore = new LinkedHashMap<>();
      if (log == null) {
        return asBefore;
      }
      evict(log, since);
      for (Change change : log) { // oldest first: the first change after `since` has that image
        asBefore.putIfAbsent(change.identity(), change.oldImage());
      }
      return asBefore;
    }
  }

  private static void evict(Deque<Change> log, long before) {
    while (!log.isEmpty()
        && (log.peekFirst().millis() < before || log.size() > MAX_CHANGES_PER_TABLE)) {
      log.pollFirst();
    }
  }

  private Index describe(String table, String indexName) throws IOException {
    ObjectNode description;
    try {
      description =
          Json.obj(
              dynalite.callOk("DescribeTable", Json.object().put("TableName", table)), "Table");
    } catch (GatewayError e) {
      return null;
    }
    for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
      JsonNode indexes = description == null ? null : description.get(kind);
      if (indexes == null) {
        continue;
      }
      for (JsonNode index : indexes) {
        if (!indexName.equals(Json.text(index, "IndexName"))) {
          continue;
        }
        String hash = null;
        String range = null;
        for (JsonNode element : index.path("KeySchema")) {
          if ("HASH".equals(Json.text(element, "KeyType"))) {
            hash = Json.text(element, "AttributeName");
          } else {
            range = Json.text(element, "AttributeName");
          }
        }
        JsonNode projection = index.path("Projection");
        Set<String> included = new HashSet<>();
        projection.path("NonKeyAttributes").forEach(name -> included.add(name.asText()));
        String type = Json.text(projection, "ProjectionType");
        return new Index(hash, range, type == null ? "ALL" : type, included);
      }
    }
    return null;
  }

  /** An old image as the index (and the request's projection) would show it. */
  private static ObjectNode project(
      ObjectNode old, KeySchema tableKey, Index index, ObjectNode request) {
    ObjectNode shown = Json.object();
    Set<String> wanted = requested(request);
    old.properties()
        .forEach(
            field -> {
              String name = field.getKey();
              boolean key =
                  name.equals(tableKey.hash())
                      || name.equals(tableKey.range())
                      || name.equals(index.hash())
                      || name.equals(index.range());
              boolean projected =
                  key
                      || index.projectionType().equals("ALL")
                      || (index.projectionType().equals("INCLUDE")
                          && index.included().contains(name));
              if (projected && (wanted == null || wanted.contains(name))) {
                shown.set(name, field.getValue());
              }
            });
    return shown;
  }

  /** The top-level attributes a ProjectionExpression or AttributesToGet asks for; null: all. */
  private static Set<String> requested(ObjectNode request) {
    Set<String> names = new HashSet<>();
    String expression = Json.text(request, "ProjectionExpression");
    if (expression != null) {
      ObjectNode placeholders = Json.obj(request, "ExpressionAttributeNames");
      for (String path : expression.split(",")) {
        String top = path.strip().split("[.\\[]", 2)[0];
        String name = top.startsWith("#") ? Json.text(placeholders, top) : top;
        names.add(name == null ? top : name);
      }
      return names;
    }
    JsonNode attributes = request.get("AttributesToGet");
    if (attributes instanceof ArrayNode list) {
      list.forEach(name -> names.add(name.asText()));
      return names;
    }
    return null;
  }

  /**
   * Which old images belong in this page of the answer: they must have the index's keys, meet the
   * key condition, and fall between the page's start and end. A read with a filter, or a key
   * condition we cannot evaluate, gets no old images back (its recent items are only hidden).
   */
  private record AddBack(
      Index index, KeyCondition condition, boolean forward, JsonNode after, JsonNode upTo) {
    static AddBack of(String operation, ObjectNode request, ObjectNode answer, Index index) {
      for (String unsupported :
          List.of("FilterExpression", "QueryFilter", "ScanFilter", "KeyConditions", "Segment")) {
        if (request.has(unsupported)) {
          return null;
        }
      }
      // A page's bounds on the index's range key; an index without one cannot be paged into.
      JsonNode start =
          index.range() == null ? null : request.path("ExclusiveStartKey").get(index.range());
      JsonNode end =
          index.range() == null ? null : answer.path("LastEvaluatedKey").get(index.range());
      boolean paged = request.has("ExclusiveStartKey") || answer.has("LastEvaluatedKey");
      if (operation.equals("Scan")) {
        return paged ? null : new AddBack(index, null, true, null, null);
      }
      KeyCondition condition =
          KeyCondition.parse(
              Json.text(request, "KeyConditionExpression"),
              Json.obj(request, "ExpressionAttributeNames"),
              Json.obj(request, "ExpressionAttributeValues"));
      if (condition == null || (paged && index.range() == null)) {
        return null;
      }
      boolean forward =
          !request.path("ScanIndexForward").isBoolean()
              || request.get("ScanIndexForward").asBoolean();
      return new AddBack(index, condition, forward, start, end);
    }

    boolean wants(ObjectNode old) {
      if (old.get(index.hash()) == null
          || (index.range() != null && old.get(index.range()) == null)) {
        return false;
      }
      if (condition != null && !condition.matches(old)) {
        return false;
      }
      try {
        JsonNode value = index.range() == null ? null : old.get(index.range());
        int sign = forward ? 1 : -1;
        return (after == null || sign * KeyCondition.compare(value, after) > 0)
            && (upTo == null || sign * KeyCondition.compare(value, upTo) <= 0);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    void sort(List<ObjectNode> items) {
      if (condition == null || index.range() == null) {
        return;
      }
      Comparator<ObjectNode> byRange =
          (a, b) -> {
            try {
              return KeyCondition.compare(a.get(index.range()), b.get(index.range()));
            } catch (IllegalArgumentException | NullPointerException e) {
              return 0;
            }
          };
      items.sort(forward ? byRange : byRange.reversed());
    }
  }
}
