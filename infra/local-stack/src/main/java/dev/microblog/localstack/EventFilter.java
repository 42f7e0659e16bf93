package dev.microblog.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lambda event filtering, as an event source mapping applies its FilterCriteria: a record goes to
 * the function if it matches any pattern. A pattern is a JSON object whose fields the record must
 * have; an object value matches the record's field recursively, an array matches a scalar field (or
 * any element of an array field) equal to one of its literals or passing one of its operators. Only
 * the operators this project uses, and a few neighbours, are known: {@code prefix}, {@code suffix},
 * {@code anything-but} (literals), {@code exists}. Any other is refused when the filter is built,
 * so the local stack never quietly lets through what Lambda would drop, or the reverse.
 */
public final class EventFilter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OPERATORS = Set.of("prefix", "suffix", "anything-but", "exists");

  /** No FilterCriteria: every record is delivered. */
  public static final EventFilter ALL = new EventFilter(List.of());

  private final List<JsonNode> patterns;

  private EventFilter(List<JsonNode> patterns) {
    this.patterns = patterns;
  }

  public static EventFilter of(List<String> patterns) {
    return new EventFilter(patterns.stream().map(EventFilter::parse).toList());
  }

  private static JsonNode parse(String pattern) {
    try {
      JsonNode node = JSON.readTree(pattern);
      if (!node.isObject()) {
        throw new IllegalArgumentException("a filter pattern is a JSON object: " + pattern);
      }
      check(node);
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + pattern, e);
    }
  }

  private static void check(JsonNode pattern) {
    for (Map.Entry<String, JsonNode> field : pattern.properties()) {
      JsonNode value = field.getValue();
      if (value.isObject()) {
        check(value);
      } else if (value.isArray()) {
        for (JsonNode rule : value) {
          if (rule.isObject()) {
            for (String op : (Iterable<String>) rule::fieldNames) {
              if (!OPERATORS.contains(op)) {
                throw new IllegalArgumentException("filter operator not supported here: " + op);
              }
              JsonNode operand = rule.get(op);
              if (op.equals("anything-but")
                  && (operand.isObject()
                      || (operand.isArray()
                          && operand.valueStream().anyMatch(JsonNode::isContainerNode)))) {
                throw new IllegalArgumentException("anything-but takes literals here: " + rule);
              }
            }
          }
        }
      } else {
        throw new IllegalArgumentException(
            "a pattern's leaf is an array of rules: " + field.getKey() + ": " + value);
      }
    }
  }

  /** Whether Lambda would deliver the record (its JSON as in the event) to the function. */
  public boolean delivers(JsonNode record) {
    return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, record));
  }

  private static boolean matches(JsonNode pattern, JsonNode event) {
    for (Map.Entry<String, JsonNode> field : pattern.properties()) {
      JsonNode actual = event == null ? null : event.get(field.getKey());
      JsonNode expected = field.getValue();
      boolean ok =
          expected.isObject()
              ? actual != null && actual.isObject() && matches(expected, actual)
              : anyRule(expected, actual);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyRule(JsonNode rules, JsonNode actual) {
    for (JsonNode rule : rules) {
      if (rule.isObject() && rule.has("exists")) {
        if (rule.get("exists").asBoolean() == (actual != null)) {
          return true;
        }
      } else if (actual != null && actual.isArray()) {
        for (JsonNode element : actual) {
          if (passes(rule, element)) {
            return true;
          }
        }
      } else if (actual != null && passes(rule, actual)) {
        return true;
      }
    }
    return false;
  }

  private static boolean passes(JsonNode rule, JsonNode value) {
    if (!rule.isObject()) {
      return rule.equals(value);
    }
    if (rule.has("prefix")) {
      return value.isTextual() && value.asText().startsWith(rule.get("prefix").asText());
    }
    if (rule.has("suffix")) {
      return value.isTextual() && value.asText().endsWith(rule.get("suffix").asText());
    }
    JsonNode excluded = rule.get("anything-but");
    if (excluded.isArray()) {
      for (JsonNode e : excluded) {
        if (e.equals(value)) {
          return false;
        }
      }
      return true;
    }
    return !excluded.equals(value);
  }
}
