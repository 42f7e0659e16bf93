package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each table's primary key, learnt from DescribeTable and cached: the gateway needs it to read an
 * item's images, to fill a stream record's Keys and to spot two transaction actions on one item.
 */
final class KeySchemas {
  /** A table's key: the hash attribute and, for a composite key, the range attribute. */
  record KeySchema(String hash, String range, ArrayNode raw) {
    /** The key of an item, or null when the item lacks a key attribute. */
    ObjectNode keyOf(JsonNode item) {
      if (item == null || item.get(hash) == null || (range != null && item.get(range) == null)) {
        return null;
      }
      ObjectNode key = Json.object();
      key.set(hash, item.get(hash));
      if (range != null) {
        key.set(range, item.get(range));
      }
      return key;
    }

    /** A string naming one item of this table, the same for every spelling of its key. */
    String identity(String table, JsonNode key) {
      return table
          + "\u0000"
          + part(key.get(hash))
          + "\u0000"
          + (range == null ? "" : part(key.get(range)));
    }

    private static String part(JsonNode value) {
      if (value == null || value.size() != 1) {
        return String.valueOf(value);
      }
      String type = value.fieldNames().next();
      String text = value.get(type).asText();
      return type + ":" + (type.equals("N") ? AttributeValues.number(text) : text);
    }
  }

  private final DynaliteClient dynalite;
  private final Map<String, KeySchema> cache = new ConcurrentHashMap<>();

  KeySchemas(DynaliteClient dynalite) {
    this.dynalite = dynalite;
  }

  /** The table's key schema; dynalite's ResourceNotFoundException when there is no such table. */
  KeySchema of(String table) throws IOException, GatewayError {
    KeySchema known = cache.get(table);
    if (known != null) {
      return known;
    }
    ObjectNode description =
        dynalite.callOk("DescribeTable", Json.object().put("TableName", table));
    KeySchema schema = learn(Json.obj(description, "Table"));
    if (schema == null) {
      throw new IOException("DescribeTable of " + table + " has no KeySchema: " + description);
    }
    return schema;
  }

  /** The table's key schema, or null when there is no such table. */
  KeySchema find(String table) throws IOException {
    try {
      return of(table);
    } catch (GatewayError e) {
      return null;
    }
  }

  /** Caches the key schema in a table description we happened to see; returns it. */
  KeySchema learn(ObjectNode tableDescription) {
    String table = Json.text(tableDescription, "TableName");
    JsonNode raw = tableDescription == null ? null : tableDescription.get("KeySchema");
    if (table == null || !(raw instanceof ArrayNode elements)) {
      return null;
    }
    String hash = null;
    String range = null;
    for (JsonNode element : elements) {
      if ("HASH".equals(Json.text(element, "KeyType"))) {
        hash = Json.text(element, "AttributeName");
      } else {
        range = Json.text(element, "AttributeName");
      }
    }
    KeySchema schema = new KeySchema(hash, range, elements.deepCopy());
    cache.put(table, schema);
    return schema;
  }

  /** The table was created or deleted: its key may be different next time. */
  void forget(String table) {
    cache.remove(table);
  }
}
