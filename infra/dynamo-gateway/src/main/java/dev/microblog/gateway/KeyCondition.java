package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Query's KeyConditionExpression, evaluated against an item the gateway holds itself (an old
 * image that dynalite no longer has). The grammar is small: {@code key = :v}, {@code <, <=, >, >=},
 * {@code BETWEEN :a AND :b} and {@code begins_with(key, :v)}, joined by AND.
 */
final class KeyCondition {
  private static final Pattern TOKEN =
      Pattern.compile("\\s*(<=|>=|<|>|=|\\(|\\)|,|[#:]?[A-Za-z0-9_.\\-]+)");

  private record Term(String name, String op, List<JsonNode> values) {}

  private final List<Term> terms;

  private KeyCondition(List<Term> terms) {
    this.terms = terms;
  }

  /** The parsed condition, or null when it is not one this class understands. */
  static KeyCondition parse(String expression, ObjectNode names, ObjectNode values) {
    if (expression == null) {
      return null;
    }
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length() && matcher.find(at) && matcher.start() == at) {
      tokens.add(matcher.group(1));
      at = matcher.end();
    }
    if (!expression.substring(at).isBlank()) {
      return null;
    }
    tokens.removeIf(token -> token.equals("(") || token.equals(")") || token.equals(","));
    List<Term> terms = new ArrayList<>();
    int i = 0;
    try {
      while (i < tokens.size()) {
        if (tokens.get(i).equalsIgnoreCase("begins_with")) {
          terms.add(
              new Term(
                  name(tokens.get(i + 1), names),
                  "begins_with",
                  List.of(value(tokens.get(i + 2), values))));
          i += 3;
        } else if (tokens.get(i + 1).equalsIgnoreCase("BETWEEN")) {
          if (!tokens.get(i + 3).equalsIgnoreCase("AND")) {
            return null;
          }
          terms.add(
              new Term(
                  name(tokens.get(i), names),
                  "BETWEEN",
                  List.of(value(tokens.get(i + 2), values), value(tokens.get(i + 4), values))));
          i += 5;
        } else {
          String op = tokens.get(i + 1);
          if (!Arrays.asList("=", "<", "<=", ">", ">=").contains(op)) {
            return null;
          }
          terms.add(
              new Term(name(tokens.get(i), names), op, List.of(value(tokens.get(i + 2), values))));
          i += 3;
        }
        if (i < tokens.size()) {
          if (!tokens.get(i).equalsIgnoreCase("AND")) {
            return null;
          }
          i++;
        }
      }
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      return null;
    }
    return terms.isEmpty() ? null : new KeyCondition(terms);
  }

  boolean matches(ObjectNode item) {
    for (Term term : terms) {
      JsonNode actual = item.get(term.name());
      try {
        if (actual == null || !holds(term, actual)) {
          return false;
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(Term term, JsonNode actual) {
    JsonNode first = term.values().getFirst();
    return switch (term.op()) {
      case "begins_with" -> beginsWith(actual, first);
      case "BETWEEN" -> compare(actual, first) >= 0 && compare(actual, term.values().get(1)) <= 0;
      case "=" -> compare(actual, first) == 0;
      case "<" -> compare(actual, first) < 0;
      case "<=" -> compare(actual, first) <= 0;
      case ">" -> compare(actual, first) > 0;
      default -> compare(actual, first) >= 0;
    };
  }

  /**
   * Orders two scalar attribute values as DynamoDB orders keys.
   *
   * @throws IllegalArgumentException for values of different types, which never match
   */
  static int compare(JsonNode a, JsonNode b) {
    if (a.has("N") && b.has("N")) {
      return new BigDecimal(a.get("N").asText()).compareTo(new BigDecimal(b.get("N").asText()));
    }
    if (a.has("S") && b.has("S")) {
      return a.get("S").asText().compareTo(b.get("S").asText());
    }
    if (a.has("B") && b.has("B")) {
      return Arrays.compareUnsigned(bytes(a), bytes(b));
    }
    throw new IllegalArgumentException("values of different types: " + a + ", " + b);
  }

  private static boolean beginsWith(JsonNode actual, JsonNode prefix) {
    if (actual.has("S") && prefix.has("S")) {
      return actual.get("S").asText().startsWith(prefix.get("S").asText());
    }
    if (actual.has("B") && prefix.has("B")) {
      byte[] whole = bytes(actual);
      byte[] start = bytes(prefix);
      return whole.length >= start.length
          && Arrays.equals(whole, 0, start.length, start, 0, start.length);
    }
    return false;
  }

  private static byte[] bytes(JsonNode value) {
    return Base64.getDecoder().decode(value.get("B").asText());
  }

  private static String name(String token, ObjectNode names) {
    if (!token.startsWith("#")) {
      return token;
    }
    String name = Json.text(names, token);
    if (name == null) {
      throw new IllegalArgumentException("no name for " + token);
    }
    return name;
  }

  private static JsonNode value(String token, ObjectNode values) {
    JsonNode value = values == null || !token.startsWith(":") ? null : values.get(token);
    if (value == null) {
      throw new IllegalArgumentException("no value for " + token);
    }
    return value;
  }
}
