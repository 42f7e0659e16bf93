package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.allRecords;
import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.n;
import static dev.microblog.gateway.TestSupport.s;
import static dev.microblog.gateway.TestSupport.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.microblog.gateway.TestSupport.LocalDynamoFixture;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Random transactions against the gateway and against a map that plays DynamoDB: the table ends in
 * the model's state, every outcome (commit, cancellation reasons, refusal) is the model's, and
 * replaying the stream rebuilds the same state.
 */
class TransactionProperties {
  @RegisterExtension static final LocalDynamoFixture db = LocalDynamoFixture.start();
  private static final DynamoDbClient dynamo = db.dynamo();
  private static final DynamoDbStreamsClient streams = db.streams();

  /** A condition on an item: none, it exists, it does not, or its v has a value. */
  record Condition(String kind, int value) {
    static final Condition NONE = new Condition("none", 0);

    boolean holds(Integer current) {
      return switch (kind) {
        case "none" -> true;
        case "exists" -> current != null;
        case "absent" -> current == null;
        default -> current != null && current == value;
      };
    }

    String expression() {
      return switch (kind) {
        case "none" -> null;
        case "exists" -> "attribute_exists(pk)";
        case "absent" -> "attribute_not_exists(pk)";
        default -> "v = :expected";
      };
    }

    Map<String, AttributeValue> values() {
      return kind.equals("equals") ? Map.of(":expected", n(value)) : null;
    }
  }

  /** One action: put (with a value), delete, or check, on key k0..k4. */
  record Action(String kind, int slot, int value, Condition condition) {
    String pk() {
      return "k" + slot;
    }

    TransactWriteItem toDynamo(String table) {
      return switch (kind) {
        case "put" ->
            TransactWriteItem.builder()
                .put(
                    Put.builder()
                        .tableName(table)
                        .item(item("pk", s(pk()), "v", n(value)))
                        .conditionExpression(condition.expression())
                        .expressionAttributeValues(condition.values())
                        .build())
                .build();
        case "delete" ->
            TransactWriteItem.builder()
                .delete(
                    Delete.builder()
                        .tableName(table)
                        .key(TestSupport.key(pk()))
                        .conditionExpression(condition.expression())
                        .expressionAttributeValues(condition.values())
                        .build())
                .build();
        default ->
            TransactWriteItem.builder()
                .conditionCheck(
                    ConditionCheck.builder()
                        .tableName(table)
                        .key(TestSupport.key(pk()))
                        .conditionExpression(condition.expression())
                        .expressionAttributeValues(condition.values())
                        .build())
                .build();
      };
    }
  }

  enum Outcome {
    COMMITTED,
    CANCELLED,
    REFUSED
  }

  @Test
  void theTableAndItsStreamFollowTheModel() {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    qt().withExamples(40)
        .withShrinkCycles(20)
        .forAll(transactions())
        .checkAssert(transactions -> followsTheModel(transactions, outcomes));

    // The generator must keep exercising all three paths, or the property proves little.
    int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(outcomes.getOrDefault(Outcome.COMMITTED, 0)).isGreaterThan(total / 5);
    assertThat(outcomes.getOrDefault(Outcome.CANCELLED, 0)).isGreaterThan(total / 10);
    assertThat(outcomes.getOrDefault(Outcome.REFUSED, 0)).isGreaterThan(total / 20);
  }

  private void followsTheModel(List<List<Action>> transactions, Map<Outcome, Integer> outcomes) {
    String table = TestSupport.createTable(dynamo, "model", StreamViewType.NEW_AND_OLD_IMAGES);
    Map<String, Integer> model = new HashMap<>();

    for (List<Action> transaction : transactions) {
      List<TransactWriteItem> items = transaction.stream().map(a -> a.toDynamo(table)).toList();
      Set<String> keys = new HashSet<>();
      boolean repeatsAnItem = !transaction.stream().allMatch(a -> keys.add(a.pk()));
      List<String> codes =
          transaction.stream()
              .map(a -> a.condition().holds(model.get(a.pk())) ? "None" : "ConditionalCheckFailed")
              .toList();

      outcomes.merge(
          repeatsAnItem
              ? Outcome.REFUSED
              : codes.contains("ConditionalCheckFailed") ? Outcome.CANCELLED : Outcome.COMMITTED,
          1,
          Integer::sum);
      if (repeatsAnItem) {
        DynamoDbException refused =
            catchThrowableOfType(
                DynamoDbException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(items)));
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      } else if (codes.contains("ConditionalCheckFailed")) {
        TransactionCanceledException cancelled =
            catchThrowableOfType(
                TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(items)));
        assertThat(cancelled.cancellationReasons())
            .extracting(CancellationReason::code)
            .isEqualTo(codes);
      } else {
        dynamo.transactWriteItems(r -> r.transactItems(items));
        for (Action action : transaction) {
          switch (action.kind()) {
            case "put" -> model.put(action.pk(), action.value());
            case "delete" -> model.remove(action.pk());
            default -> {}
          }
        }
      }
    }

    assertThat(tableState(table)).isEqualTo(model);
    assertThat(replayStream(table)).isEqualTo(model);
  }

  private static Gen<List<List<Action>>> transactions() {
    Gen<Integer> keys = integers().between(0, 4);
    Gen<Integer> values = integers().between(0, 2);
    Gen<Condition> someCondition =
        Generate.oneOf(
            Generate.pick(List.of(new Condition("exists", 0), new Condition("absent", 0))),
            values.map(v -> new Condition("equals", v)));
    Gen<Condition> maybeCondition =
        Generate.frequency(
            Pair.of(2, Generate.constant(Condition.NONE)), Pair.of(1, someCondition));
    Gen<Action> puts = keys.zip(values, maybeCondition, (k, v, c) -> new Action("put", k, v, c));
    Gen<Action> deletes = keys.zip(maybeCondition, (k, c) -> new Action("delete", k, 0, c));
    Gen<Action> checks = keys.zip(someCondition, (k, c) -> new Action("check", k, 0, c));
    Gen<Action> actions = Generate.oneOf(puts, puts, deletes, checks);
    return lists().of(lists().of(actions).ofSizeBetween(1, 4)).ofSizeBetween(1, 10);
  }

  private static Map<String, Integer> tableState(String table) {
    Map<String, Integer> state = new HashMap<>();
    dynamo
        .scan(r -> r.tableName(table).consistentRead(true))
        .items()
        .forEach(item -> state.put(item.get("pk").s(), Integer.parseInt(item.get("v").n())));
    return state;
  }

  /** Rebuilds the table from its stream, checking each record's old image against the replay. */
  private static Map<String, Integer> replayStream(String table) {
    Map<String, Map<String, AttributeValue>> replay = new HashMap<>();
    for (Record record : allRecords(streams, streamArn(dynamo, table))) {
      String pk = record.dynamodb().keys().get("pk").s();
      Map<String, AttributeValue> previous = replay.get(pk);
      if (record.eventName() == OperationType.INSERT) {
        assertThat(previous).isNull();
      } else {
        assertThat(record.dynamodb().oldImage()).isEqualTo(previous);
      }
      if (record.eventName() == OperationType.REMOVE) {
        replay.remove(pk);
      } else {
        replay.put(pk, record.dynamodb().newImage());
      }
    }
    Map<String, Integer> state = new HashMap<>();
    replay.forEach((pk, image) -> state.put(pk, Integer.parseInt(image.get("v").n())));
    return state;
  }
}
