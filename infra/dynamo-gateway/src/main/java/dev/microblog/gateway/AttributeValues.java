package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares DynamoDB items by meaning rather than by JSON text: sets are unordered and numbers are
 * numbers, so a write that only reorders a set or respells "1.0" as "1" changes nothing.
 */
final class AttributeValues {
  private AttributeValues() {}

  /** Whether two items (maps of attribute values, either may be null) are the same item. */
  static boolean sameItem(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> field : a.properties()) {
      if (!sameValue(field.getValue(), b.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a == null || b == null || a.size() != 1 || b.size() != 1) {
      return a != null && a.equals(b);
    }
    String type = a.fieldNames().next();
    JsonNode x = a.get(type);
    JsonNode y = b.get(type);
    if (y == null) {
      return false;
    }
    return switch (type) {
      case "N" -> number(x.asText()).equals(number(y.asText()));
      case "SS", "BS" -> textSet(x, false).equals(textSet(y, false));
      case "NS" -> textSet(x, true).equals(textSet(y, true));
      case "M" -> sameItem(x, y);
      case "L" -> sameList(x, y);
      default -> x.equals(y);
    };
  }

  /** A number's canonical spelling, so "1.50" and "1.5" compare (and hash) alike. */
  static String number(String text) {
    try {
      BigDecimal value = new BigDecimal(text).stripTrailingZeros();
      return value.signum() == 0 ? "0" : value.toPlainString();
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static boolean sameList(JsonNode x, JsonNode y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!sameValue(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> textSet(JsonNode values, boolean numbers) {
    Set<String> set = new HashSet<>();
    values.forEach(v -> set.add(numbers ? number(v.asText()) : v.asText()));
    return set;
  }
}
