package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.GatewayState.StreamSettings;
import dev.microblog.gateway.GatewayState.TableSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table-level calls that involve what dynalite does not know: stream settings on
 * CreateTable/UpdateTable/DescribeTable/DeleteTable, and UpdateTimeToLive/DescribeTimeToLive.
 */
final class TableAdmin {
  private static final Set<String> VIEW_TYPES =
      Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

  /** UpdateTable members that ask dynalite for a change (it refuses a request without one). */
  private static final List<String> TABLE_UPDATES =
      List.of(
          "ProvisionedThroughput",
          "BillingMode",
          "GlobalSecondaryIndexUpdates",
          "SSESpecification",
          "ReplicaUpdates",
          "UpdateStreamEnabled");

  private static final Logger LOG = LoggerFactory.getLogger(TableAdmin.class);
  private static final Duration SETTLE = Duration.ofSeconds(5);

  private record StreamWish(boolean enabled, String viewType) {}

  private final DynaliteClient dynalite;
  private final KeySchemas keySchemas;
  private final GatewayState state;
  private final StreamStore streams;

  TableAdmin(
      DynaliteClient dynalite, KeySchemas keySchemas, GatewayState state, StreamStore streams) {
    this.dynalite = dynalite;
    this.keySchemas = keySchemas;
    this.state = state;
    this.streams = streams;
  }

  Reply createTable(Incoming incoming) throws IOException, GatewayError {
    ObjectNode request = Json.parseObject(incoming.body());
    StreamWish wish = streamWish(request.remove("StreamSpecification"));
    DynaliteClient.Response response = dynalite.forward(incoming.withBody(Json.bytes(request)));
    String table = Json.text(request, "TableName");
    if (!response.ok()) {
      return Reply.of(response);
    }
    // A new table starts clean, whatever an earlier table of that name had.
    keySchemas.forget(table);
    forgetStream(table);
    state.remove(table);
    if (wish != null && wish.enabled()) {
      enableStream(table, wish.viewType());
    }
    awaitSettled(table);
    return withStreamDetails(response, "TableDescription");
  }

  Reply updateTable(Incoming incoming) throws IOException, GatewayError {
    ObjectNode request = Json.parseObject(incoming.body());
    JsonNode specification = request.remove("StreamSpecification");
    if (specification == null) {
      DynaliteClient.Response response = dynalite.forward(incoming);
      if (response.ok()) {
        awaitSettled(Json.text(request, "TableName"));
      }
      return withStreamDetails(response, "TableDescription");
    }
    StreamWish wish = streamWish(specification);
    String table = Json.text(request, "TableName");
    keySchemas.of(table); // ResourceNotFoundException for a table that is not there
    boolean streaming = state.get(table).streaming();
    if (wish.enabled() && streaming) {
      throw GatewayError.validation("Table already has an enabled stream: TableName: " + table);
    }
    if (!wish.enabled() && !streaming) {
      throw GatewayError.validation("Table does not have an enabled stream: TableName: " + table);
    }
    ObjectNode answer;
    DynaliteClient.Response response = null;
    if (TABLE_UPDATES.stream().anyMatch(request::has)) {
      response = dynalite.forward(incoming.withBody(Json.bytes(request)));
      if (!response.ok()) {
        return Reply.of(response);
      }
      awaitSettled(table);
      answer = response.json();
    } else {
      answer = Json.object();
      answer.set("TableDescription", describe(table));
    }
    if (wish.enabled()) {
      enableStream(table, wish.viewType());
    } else {
      forgetStream(table);
    }
    addStreamDetails(Json.obj(answer, "TableDescription"));
    return response == null ? Reply.json(200, answer) : Reply.rewritten(response, answer);
  }

  Reply describeTable(Incoming incoming) throws IOException {
    return withStreamDetails(dynalite.forward(incoming), "Table");
  }

  Reply deleteTable(Incoming incoming) throws IOException {
    DynaliteClient.Response response = dynalite.forward(incoming);
    if (response.ok()) {
      String table = Json.text(Json.obj(response.json(), "TableDescription"), "TableName");
      keySchemas.forget(table);
      forgetStream(table);
      state.remove(table);
      awaitSettled(table);
    }
    return Reply.of(response);
  }

  Reply updateTimeToLive(ObjectNode request) throws IOException, GatewayError {
    String table = Json.text(request, "TableName");
    ObjectNode specification = Json.obj(request, "TimeToLiveSpecification");
    JsonNode enabled = specification == null ? null : specification.get("Enabled");
    String attribute = Json.text(specification, "AttributeName");
    if (enabled == null || !enabled.isBoolean() || attribute == null || attribute.isEmpty()) {
      throw GatewayError.validation(
          "TimeToLiveSpecification needs Enabled (a boolean) and an AttributeName");
    }
    keySchemas.of(table);
    String current = state.get(table).ttlAttribute();
    if (enabled.asBoolean() && current != null) {
      throw GatewayError.validation("TimeToLive is already enabled");
    }
    if (!enabled.asBoolean() && current == null) {
      throw GatewayError.validation("TimeToLive is already disabled");
    }
    state.update(table, settings -> settings.withTtl(enabled.asBoolean() ? attribute : null));
    ObjectNode answer = Json.object();
    answer.set("TimeToLiveSpecification", specification);
    return Reply.json(200, answer);
  }

  Reply describeTimeToLive(ObjectNode request) throws IOException, GatewayError {
    String table = Json.text(request, "TableName");
    keySchemas.of(table);
    String attribute = state.get(table).ttlAttribute();
    ObjectNode answer = Json.object();
    ObjectNode description = answer.putObject("TimeToLiveDescription");
    if (attribute == null) {
      description.put("TimeToLiveStatus", "DISABLED");
    } else {
      description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
    }
    return Reply.json(200, answer);
  }

  /**
   * dynalite answers CreateTable, UpdateTable and DeleteTable at once and finishes the change on a
   * timer (0 ms as we start it), so for a moment the table is CREATING, UPDATING or DELETING and
   * item calls fail. Answering only once the table is ACTIVE (or gone) lets a client use it
   * straight away, as the local stack expects; a client that waits like it must on AWS still can.
   */
  private void awaitSettled(String table) throws IOException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      DynaliteClient.Response response =
          dynalite.call("DescribeTable", Json.object().put("TableName", table));
      if (response.errorType().equals("ResourceNotFoundException")
          || (response.ok() && settled(Json.obj(response.json(), "Table")))) {
        return;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for table " + table, e);
      }
    }
    LOG.warn("table {} was still changing after {} ms", table, SETTLE.toMillis());
  }

  private static boolean settled(ObjectNode description) {
    if (!"ACTIVE".equals(Json.text(description, "TableStatus"))) {
      return false;
    }
    for (JsonNode index : description.path("GlobalSecondaryIndexes")) {
      if (!"ACTIVE".equals(Json.text(index, "IndexStatus"))) {
        return false;
      }
    }
    return true;
  }

  private void enableStream(String table, String viewType) {
    StreamSettings stream = streams.newStream(table, viewType);
    state.update(table, settings -> settings.withStream(stream));
    streams.open(table, stream);
  }

  /** Disables the table's stream; its records stay readable (and it stays its latest stream). */
  private void forgetStream(String table) {
    StreamSettings stream = state.get(table).stream();
    if (stream != null && stream.enabled()) {
      StreamSettings disabled =
          new StreamSettings(false, stream.viewType(), stream.label(), stream.createdEpochMillis());
      state.update(table, settings -> settings.withStream(disabled));
      streams.open(table, disabled);
    }
  }

  private ObjectNode describe(String table) throws IOException, GatewayError {
    ObjectNode description =
        Json.obj(dynalite.callOk("DescribeTable", Json.object().put("TableName", table)), "Table");
    keySchemas.learn(description);
    return description;
  }

  /**
   * dynalite's answer with the stream fields DynamoDB would show; unchanged when there are none.
   */
  private Reply withStreamDetails(DynaliteClient.Response response, String member)
      throws IOException {
    if (!response.ok()) {
      return Reply.of(response);
    }
    ObjectNode answer = response.json();
    ObjectNode description = Json.obj(answer, member);
    keySchemas.learn(description);
    return addStreamDetails(description) ? Reply.rewritten(response, answer) : Reply.of(response);
  }

  private boolean addStreamDetails(ObjectNode description) {
    String table = Json.text(description, "TableName");
    TableSettings settings = table == null ? TableSettings.NONE : state.get(table);
    StreamSettings stream = settings.stream();
    if (stream == null) {
      return false;
    }
    if (stream.enabled()) {
      description
          .putObject("StreamSpecification")
          .put("StreamEnabled", true)
          .put("StreamViewType", stream.viewType());
    }
    description.put("LatestStreamArn", StreamStore.arn(table, stream.label()));
    description.put("LatestStreamLabel", stream.label());
    return true;
  }

  private static StreamWish streamWish(JsonNode specification) throws GatewayError {
    if (specification == null || specification.isNull()) {
      return null;
    }
    JsonNode enabled = specification.get("StreamEnabled");
    if (enabled == null || !enabled.isBoolean()) {
      throw GatewayError.validation("StreamSpecification needs StreamEnabled (a boolean)");
    }
    String viewType = Json.text(specification, "StreamViewType");
    if (enabled.asBoolean() && (viewType == null || !VIEW_TYPES.contains(viewType))) {
      throw GatewayError.validation(
          "One or more parameter values were invalid: StreamViewType must be one of "
              + VIEW_TYPES
              + " when StreamEnabled is true");
    }
    return new StreamWish(enabled.asBoolean(), viewType);
  }
}
