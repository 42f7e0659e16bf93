package dev.microblog.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.AppliedWrite;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The write units DynamoDB on demand bills for an applied write, from the item before and after:
 *
 * <ul>
 *   <li>the table: one unit per started KB of the larger image (at least one), double inside a
 *       transaction;
 *   <li>each global secondary index, which projects keys only (as {@code Table.definition} says): a
 *       put when the item enters it, a delete when it leaves, both when its index key changes; a
 *       write that changes no key leaves the index alone. One unit per started KB of the entry (the
 *       table's and the index's keys) each, at the standard rate.
 * </ul>
 *
 * Item sizes follow DynamoDB's rules: attribute names plus values (strings in UTF-8, numbers about
 * one byte per two significant digits plus one, booleans and nulls one byte, lists and maps three
 * bytes plus their elements).
 */
final class WriteUnits {
  private static final int KB = 1024;

  /** Each index by its key attributes (hash, range). */
  private final List<List<String>> indexes;

  WriteUnits(List<List<String>> indexes) {
    this.indexes = List.copyOf(indexes);
  }

  long of(AppliedWrite write) {
    long before = size(write.oldImage());
    long after = size(write.newImage());
    long table = Math.max(1, units(Math.max(before, after))) * (write.transactional() ? 2 : 1);
    long index = 0;
    for (List<String> keys : indexes) {
      boolean wasIn = hasAll(write.oldImage(), keys);
      boolean isIn = hasAll(write.newImage(), keys);
      boolean sameKey = wasIn && isIn && sameValues(write.oldImage(), write.newImage(), keys);
      if (wasIn && (!isIn || !sameKey)) {
        index += Math.max(1, units(entrySize(write.oldImage(), keys))); // delete the old entry
      }
      if (isIn && !sameKey) {
        index += Math.max(1, units(entrySize(write.newImage(), keys))); // put the new entry
      }
    }
    return table + index;
  }

  /** An index entry: the table's key and the index's. */
  private static long entrySize(ObjectNode item, List<String> indexKeys) {
    ObjectNode entry = item.objectNode();
    List<String> names = new ArrayList<>(List.of("pk", "sk"));
    names.addAll(indexKeys);
    for (String name : names) {
      if (item.has(name)) {
        entry.set(name, item.get(name));
      }
    }
    return size(entry);
  }

  private static long units(long bytes) {
    return (bytes + KB - 1) / KB;
  }

  private static boolean hasAll(ObjectNode item, List<String> keys) {
    return item != null && keys.stream().allMatch(item::has);
  }

  private static boolean sameValues(ObjectNode a, ObjectNode b, List<String> keys) {
    return keys.stream().allMatch(k -> a.get(k).equals(b.get(k)));
  }

  /** The item's size in bytes as DynamoDB counts it; 0 for no item. */
  static long size(ObjectNode item) {
    if (item == null) {
      return 0;
    }
    long bytes = 0;
    for (Map.Entry<String, JsonNode> attribute : item.properties()) {
      bytes += utf8(attribute.getKey()) + valueSize(attribute.getValue());
    }
    return bytes;
  }

  /** {@code value} is one DynamoDB JSON attribute value: {"S": …}, {"N": …}, {"L": […]}… */
  private static long valueSize(JsonNode value) {
    Map.Entry<String, JsonNode> typed = value.properties().iterator().next();
    JsonNode v = typed.getValue();
    return switch (typed.getKey()) {
      case "S" -> utf8(v.asText());
      case "N" -> numberSize(v.asText());
      case "B" -> java.util.Base64.getDecoder().decode(v.asText()).length;
      case "BOOL", "NULL" -> 1;
      case "SS" -> sum(v, n -> utf8(n.asText()));
      case "NS" -> sum(v, n -> numberSize(n.asText()));
      case "BS" -> sum(v, n -> java.util.Base64.getDecoder().decode(n.asText()).length);
      case "L" -> 3 + sum(v, WriteUnits::valueSize);
      case "M" -> 3 + size((ObjectNode) v);
      default -> throw new IllegalArgumentException("not an attribute value: " + value);
    };
  }

  private static long numberSize(String number) {
    String digits = new BigDecimal(number).unscaledValue().abs().toString().replaceAll("0+$", "");
    return Math.max(1, (digits.length() + 1) / 2) + 1;
  }

  private static long sum(JsonNode array, java.util.function.ToLongFunction<JsonNode> size) {
    long total = 0;
    for (JsonNode element : array) {
      total += size.applyAsLong(element);
    }
    return total;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
