package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.KeySchemas.KeySchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutItem, UpdateItem, DeleteItem and BatchWriteItem on tables with a stream (or while the lagging
 * index fault needs to know what changed): read the old image, pass the client's request on
 * untouched, read the new image, record the change. The caller holds the gateway's write lock, so
 * the two images bracket exactly this write.
 *
 * <p>Whenever the gateway cannot work out which item a request touches (a malformed request, a
 * missing table), the request goes to dynalite as it is, and dynalite's error answers it.
 */
final class RecordedWrites {
  private record Target(String table, ObjectNode key, ObjectNode oldImage) {}

  private final DynaliteClient dynalite;
  private final KeySchemas keySchemas;
  private final StreamStore streams;

  RecordedWrites(DynaliteClient dynalite, KeySchemas keySchemas, StreamStore streams) {
    this.dynalite = dynalite;
    this.keySchemas = keySchemas;
    this.streams = streams;
  }

  /** PutItem, UpdateItem or DeleteItem. */
  Reply single(String operation, Incoming incoming) throws IOException {
    ObjectNode request = parse(incoming);
    String table = Json.text(request, "TableName");
    JsonNode keySource = operation.equals("PutItem") ? request.get("Item") : request.get("Key");
    Target target = target(table, keySource);
    if (target == null) {
      return Reply.of(dynalite.forward(incoming));
    }
    Reply reply = forwardAndRecord(incoming, List.of(target));
    return withOldItemOnConditionFailure(request, target, reply);
  }

  /**
   * DynamoDB returns the item that failed a write's condition when asked to (a writer recognises
   * its own earlier attempt that way); dynalite does not know the parameter, so add it here.
   */
  private static Reply withOldItemOnConditionFailure(
      ObjectNode request, Target target, Reply reply) {
    if (reply.status() != 400
        || target.oldImage() == null
        || !"ALL_OLD".equals(Json.text(request, "ReturnValuesOnConditionCheckFailure"))) {
      return reply;
    }
    ObjectNode body;
    try {
      body = Json.parseObject(reply.body());
    } catch (GatewayError e) {
      return reply;
    }
    String type = Json.text(body, "__type");
    if (type == null || !type.endsWith("ConditionalCheckFailedException")) {
      return reply;
    }
    body.set("Item", target.oldImage());
    return Reply.json(reply.status(), body);
  }

  Reply batch(Incoming incoming) throws IOException {
    ObjectNode requestItems = Json.obj(parse(incoming), "RequestItems");
    if (requestItems == null) {
      return Reply.of(dynalite.forward(incoming));
    }
    // One target per item: a batch touching an item twice is dynalite's to refuse.
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> tableRequests : requestItems.properties()) {
      String table = tableRequests.getKey();
      if (!streams.watched(table)) {
        continue;
      }
      for (JsonNode writeRequest : tableRequests.getValue()) {
        JsonNode keySource =
            writeRequest.has("PutRequest")
                ? writeRequest.path("PutRequest").get("Item")
                : writeRequest.path("DeleteRequest").get("Key");
        Target target = target(table, keySource);
        if (target == null) {
          return Reply.of(dynalite.forward(incoming));
        }
        targets.putIfAbsent(keySchemas.find(table).identity(table, target.key()), target);
      }
    }
    return forwardAndRecord(incoming, List.copyOf(targets.values()));
  }

  /**
   * Sends the request on, then records each target whose item changed. Items the write left alone
   * (a failed condition, an unprocessed batch entry) have equal images: no record.
   */
  private Reply forwardAndRecord(Incoming incoming, List<Target> targets) throws IOException {
    DynaliteClient.Response response = dynalite.forward(incoming);
    if (response.ok()) {
      List<ObjectNode> newImages = new ArrayList<>();
      for (Target target : targets) {
        newImages.add(read(target.table(), target.key()));
      }
      for (int i = 0; i < targets.size(); i++) {
        Target target = targets.get(i);
        streams.recordChange(
            target.table(), target.key(), target.oldImage(), newImages.get(i), false);
      }
    }
    return Reply.of(response);
  }

  /** The item a request is about, with its image before the write; null if not worked out. */
  private Target target(String table, JsonNode keySource) throws IOException {
    if (table == null || !streams.watched(table)) {
      return null;
    }
    KeySchema schema = keySchemas.find(table);
    ObjectNode key = schema == null ? null : schema.keyOf(keySource);
    if (key == null) {
      return null;
    }
    try {
      return new Target(table, key, dynalite.getItem(table, key));
    } catch (GatewayError e) {
      return null; // e.g. a key of the wrong type: the write will be refused the same way
    }
  }

  private ObjectNode read(String table, ObjectNode key) throws IOException {
    try {
      return dynalite.getItem(table, key);
    } catch (GatewayError e) {
      throw new IOException("cannot read back an item just written to " + table, e);
    }
  }

  private static ObjectNode parse(Incoming incoming) {
    try {
      return Json.parseObject(incoming.body());
    } catch (GatewayError e) {
      return Json.object(); // dynalite will say what is wrong with it
    }
  }
}
