package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.KeySchemas.KeySchema;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TransactWriteItems and TransactGetItems, which dynalite lacks. The caller holds the gateway's
 * write lock (a read lock for gets), so no other request runs in between the steps below.
 *
 * <p>A write transaction first checks every condition without changing anything, then applies the
 * actions one by one; if dynalite refuses one, the earlier ones are put back from their saved old
 * images, so the transaction is all or nothing.
 */
final class TransactionExecutor {
  static final int MAX_ACTIONS = 100;
  static final Duration TOKEN_WINDOW = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(TransactionExecutor.class);
  private static final Pattern NAME_TOKEN = Pattern.compile("#[A-Za-z0-9_]+");
  private static final Pattern VALUE_TOKEN = Pattern.compile(":[A-Za-z0-9_]+");

  private enum Kind {
    CONDITION_CHECK("ConditionCheck", null),
    PUT("Put", "PutItem"),
    DELETE("Delete", "DeleteItem"),
    UPDATE("Update", "UpdateItem");

    final String member;
    final String operation;

    Kind(String member, String operation) {
      this.member = member;
      this.operation = operation;
    }
  }

  private static final class Action {
    final Kind kind;
    final String table;
    final ObjectNode params;
    final ObjectNode key;
    ObjectNode oldImage;
    ObjectNode newImage;

    Action(Kind kind, String table, ObjectNode params, ObjectNode key) {
      this.kind = kind;
      this.table = table;
      this.params = params;
      this.key = key;
    }
  }

  /**
   * A committed transaction's answer, replayed for a retry with the same token. The SDK gives every
   * transaction a token, so only a digest of the request is kept, not the request.
   */
  private record Remembered(String digest, Reply reply, long expiresAtMillis) {}

  private final DynaliteClient dynalite;
  private final KeySchemas keySchemas;
  private final StreamStore streams;
  private final Faults faults;
  private final Map<String, Remembered> tokens = new LinkedHashMap<>();

  TransactionExecutor(
      DynaliteClient dynalite, KeySchemas keySchemas, StreamStore streams, Faults faults) {
    this.dynalite = dynalite;
    this.keySchemas = keySchemas;
    this.streams = streams;
    this.faults = faults;
  }

  Reply write(ObjectNode request) throws IOException, GatewayError {
    String token = Json.text(request, "ClientRequestToken");
    ObjectNode withoutToken = request.deepCopy();
    withoutToken.remove("ClientRequestToken");
    String digest = token == null ? null : digest(withoutToken);
    if (token != null) {
      Remembered earlier = remembered(token);
      if (earlier != null) {
        if (!earlier.digest().equals(digest)) {
          throw GatewayError.dynamodb(
              "IdempotentParameterMismatchException",
              "The request uses the same client token as a previous, but non-identical request.");
        }
        return earlier.reply();
      }
    }
    List<Action> actions = parse(request);
    if (faults.fires(Faults.Kind.TRANSACTION_CONFLICT, "TransactWriteItems")) {
      throw conflict(actions.size());
    }
    checkConditions(actions);
    apply(actions);
    Reply reply = Reply.json(200, Json.object());
    if (token != null) {
      synchronized (tokens) {
        long expires = System.currentTimeMillis() + TOKEN_WINDOW.toMillis();
        tokens.put(token, new Remembered(digest, reply, expires));
      }
    }
    return reply;
  }

  Reply get(ObjectNode request) throws IOException, GatewayError {
    ArrayNode responses = Json.array();
    for (JsonNode item : transactItems(request)) {
      ObjectNode get = Json.obj(item, "Get");
      if (get == null || item.size() != 1) {
        throw GatewayError.validation("TransactItems can only contain Get actions");
      }
      ObjectNode getItem = get.deepCopy().put("ConsistentRead", true);
      ObjectNode found = Json.obj(dynalite.callOk("GetItem", getItem), "Item");
      ObjectNode response = responses.addObject();
      if (found != null) {
        response.set("Item", found);
      }
    }
    ObjectNode answer = Json.object();
    answer.set("Responses", responses);
    return Reply.json(200, answer);
  }

  private static String digest(ObjectNode request) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(Json.bytes(request)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private Remembered remembered(String token) {
    synchronized (tokens) {
      long now = System.currentTimeMillis();
      // Insertion order is expiry order: drop from the oldest end until one is still good.
      Iterator<Remembered> oldestFirst = tokens.values().iterator();
      while (oldestFirst.hasNext() && oldestFirst.next().expiresAtMillis() < now) {
        oldestFirst.remove();
      }
      return tokens.get(token);
    }
  }

  private List<Action> parse(ObjectNode request) throws IOException, GatewayError {
    List<Action> actions = new ArrayList<>();
    Set<String> items = new HashSet<>();
    for (JsonNode item : transactItems(request)) {
      Kind kind = null;
      for (Kind candidate : Kind.values()) {
        if (item.has(candidate.member)) {
          kind = kind == null ? candidate : null;
        }
      }
      ObjectNode params = kind == null ? null : Json.obj(item, kind.member);
      if (params == null || item.size() != 1) {
        throw GatewayError.validation(
            "TransactItems can only contain one of ConditionCheck, Put, Update or Delete");
      }
      String table = Json.text(params, "TableName");
      if (table == null) {
        throw GatewayError.validation("TableName must be given for every action");
      }
      KeySchema schema = keySchemas.of(table);
      JsonNode keySource = kind == Kind.PUT ? params.get("Item") : params.get("Key");
      ObjectNode key = schema.keyOf(keySource);
      if (key == null && kind == Kind.PUT) {
        throw GatewayError.validation(
            "One or more parameter values were invalid: Missing the key in the item");
      }
      if (key == null || (kind != Kind.PUT && keySource.size() != key.size())) {
        throw GatewayError.validation("The provided key element does not match the schema");
      }
      if (kind == Kind.CONDITION_CHECK && Json.text(params, "ConditionExpression") == null) {
        throw GatewayError.validation("ConditionCheck needs a ConditionExpression");
      }
      if (kind == Kind.UPDATE && Json.text(params, "UpdateExpression") == null) {
        throw GatewayError.validation("Update needs an UpdateExpression");
      }
      if (!items.add(schema.identity(table, key))) {
        throw GatewayError.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      actions.add(new Action(kind, table, params, key));
    }
    return actions;
  }

  private static ArrayNode transactItems(ObjectNode request) throws GatewayError {
    JsonNode items = request.get("TransactItems");
    if (!(items instanceof ArrayNode array) || array.isEmpty()) {
      throw GatewayError.validation(
          "1 validation error detected: Value null at 'transactItems' failed to satisfy"
              + " constraint: Member must have length greater than or equal to 1");
    }
    if (array.size() > MAX_ACTIONS) {
      throw GatewayError.validation(
          "1 validation error detected: Value at 'transactItems' failed to satisfy constraint:"
              + " Member must have length less than or equal to "
              + MAX_ACTIONS);
    }
    return array;
  }

  /**
   * What DynamoDB answers when another transaction or write holds one of the items: the first
   * action's reason is TransactionConflict, the others None. Nothing was applied.
   */
  private static GatewayError conflict(int actions) {
    ArrayNode reasons = Json.array();
    StringJoiner codes = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < actions; i++) {
      if (i == 0) {
        reasons
            .addObject()
            .put("Code", "TransactionConflict")
            .put("Message", "Transaction is ongoing for the item");
      } else {
        reasons.addObject().put("Code", "None");
      }
      codes.add(i == 0 ? "TransactionConflict" : "None");
    }
    return cancelled(reasons, codes);
  }

  private static GatewayError cancelled(ArrayNode reasons, StringJoiner codes) {
    ObjectNode body = Json.object();
    body.put("__type", "com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
    body.put(
        "Message",
        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes);
    body.set("CancellationReasons", reasons);
    return GatewayError.of(400, body);
  }

  /** Reads every old image and evaluates every condition; changes nothing. */
  private void checkConditions(List<Action> actions) throws IOException, GatewayError {
    ArrayNode reasons = Json.array();
    StringJoiner codes = new StringJoiner(", ", "[", "]");
    boolean cancelled = false;
    for (Action action : actions) {
      action.oldImage = dynalite.getItem(action.table, action.key);
      ObjectNode reason = reasons.addObject();
      if (conditionHolds(action)) {
        reason.put("Code", "None");
      } else {
        cancelled = true;
        reason
            .put("Code", "ConditionalCheckFailed")
            .put("Message", "The conditional request failed");
        if ("ALL_OLD".equals(Json.text(action.params, "ReturnValuesOnConditionCheckFailure"))
            && action.oldImage != null) {
          reason.set("Item", action.oldImage);
        }
      }
      codes.add(reason.get("Code").asText());
    }
    if (cancelled) {
      throw cancelled(reasons, codes);
    }
  }

  /**
   * dynalite evaluates conditions only inside writes, so ask it with a write that cannot change
   * anything: put back the item as it is, or delete the item that is not there.
   */
  private boolean conditionHolds(Action action) throws IOException, GatewayError {
    String condition = Json.text(action.params, "ConditionExpression");
    if (condition == null) {
      return true;
    }
    ObjectNode probe = Json.object().put("TableName", action.table);
    String operation;
    if (action.oldImage != null) {
      operation = "PutItem";
      probe.set("Item", action.oldImage);
    } else {
      operation = "DeleteItem";
      probe.set("Key", action.key);
    }
    probe.put("ConditionExpression", condition);
    // An Update's names and values serve its UpdateExpression too; dynalite refuses unused ones.
    copyUsed(action.params, probe, "ExpressionAttributeNames", NAME_TOKEN, condition);
    copyUsed(action.params, probe, "ExpressionAttributeValues", VALUE_TOKEN, condition);
    DynaliteClient.Response response = dynalite.call(operation, probe);
    if (response.ok()) {
      return true;
    }
    if (response.errorType().equals("ConditionalCheckFailedException")) {
      return false;
    }
    throw GatewayError.from(response);
  }

  private static void copyUsed(
      ObjectNode from, ObjectNode to, String field, Pattern token, String expression) {
    ObjectNode all = Json.obj(from, field);
    if (all == null) {
      return;
    }
    ObjectNode used = Json.object();
    Matcher matcher = token.matcher(expression);
    while (matcher.find()) {
      JsonNode value = all.get(matcher.group());
      if (value != null) {
        used.set(matcher.group(), value);
      }
    }
    if (!used.isEmpty()) {
      to.set(field, used);
    }
  }

  private void apply(List<Action> actions) throws IOException, GatewayError {
    List<Action> applied = new ArrayList<>();
    try {
      for (Action action : actions) {
        if (action.kind == Kind.CONDITION_CHECK) {
          continue;
        }
        ObjectNode write = action.params.deepCopy();
        write.remove("ReturnValuesOnConditionCheckFailure");
        DynaliteClient.Response response = dynalite.call(action.kind.operation, write);
        if (!response.ok()) {
          throw GatewayError.from(response);
        }
        applied.add(action);
        action.newImage = dynalite.getItem(action.table, action.key);
      }
    } catch (IOException | GatewayError | RuntimeException e) {
      undo(applied);
      throw e;
    }
    for (Action action : applied) {
      streams.recordChange(action.table, action.key, action.oldImage, action.newImage, false, true);
    }
  }

  /** Puts back the old images, newest first; what cannot be put back is logged loudly. */
  private void undo(List<Action> applied) {
    for (Action action : applied.reversed()) {
      ObjectNode request = Json.object().put("TableName", action.table);
      String operation;
      if (action.oldImage == null) {
        operation = "DeleteItem";
        request.set("Key", action.key);
      } else {
        operation = "PutItem";
        request.set("Item", action.oldImage);
      }
      try {
        DynaliteClient.Response response = dynalite.call(operation, request);
        if (!response.ok()) {
          LOG.error(
              "cannot undo a transaction action on {}: {}", action.table, response.bodyText());
        }
      } catch (IOException e) {
        LOG.error("cannot undo a transaction action on {}", action.table, e);
      }
    }
  }
}
