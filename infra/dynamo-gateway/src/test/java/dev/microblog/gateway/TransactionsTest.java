package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.allRecords;
import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.key;
import static dev.microblog.gateway.TestSupport.n;
import static dev.microblog.gateway.TestSupport.s;
import static dev.microblog.gateway.TestSupport.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.microblog.gateway.TestSupport.LocalDynamoFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class TransactionsTest {
  @RegisterExtension static final LocalDynamoFixture db = LocalDynamoFixture.start();
  private static final DynamoDbClient dynamo = db.dynamo();
  private static final DynamoDbStreamsClient streams = db.streams();

  @Test
  void aFailedConditionCancelsTheTransactionWithOneReasonPerActionAndWritesNothing() {
    String table = TestSupport.createTable(dynamo, "tx", StreamViewType.NEW_AND_OLD_IMAGES);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("c"), "v", n(1))));

    TransactionCanceledException cancelled =
        transactionFailure(
            TransactionCanceledException.class,
            put(table, item("pk", s("b"), "v", n(1))),
            check(table, "a", "v = :two", Map.of(":two", n(2))),
            delete(table, "c"));

    assertThat(cancelled.cancellationReasons())
        .extracting(CancellationReason::code)
        .containsExactly("None", "ConditionalCheckFailed", "None");
    assertThat(cancelled.cancellationReasons().get(1).message())
        .isEqualTo("The conditional request failed");
    assertThat(cancelled.getMessage())
        .contains(
            "Transaction cancelled, please refer cancellation reasons for specific reasons"
                + " [None, ConditionalCheckFailed, None]");
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("b"))).hasItem()).isFalse();
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("c"))).item()).containsKey("v");
    assertThat(allRecords(streams, streamArn(dynamo, table))).hasSize(2); // the two setup puts
  }

  @Test
  void aFailedConditionCanReturnTheItemAsItIs() {
    String table = TestSupport.createTable(dynamo, "tx", null);
    Map<String, AttributeValue> current = item("pk", s("a"), "v", n(7));
    dynamo.putItem(r -> r.tableName(table).item(current));

    TransactionCanceledException cancelled =
        transactionFailure(
            TransactionCanceledException.class,
            TransactWriteItem.builder()
                .put(
                    Put.builder()
                        .tableName(table)
                        .item(item("pk", s("a"), "v", n(8)))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(
                            ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build());

    assertThat(cancelled.cancellationReasons()).hasSize(1);
    assertThat(cancelled.cancellationReasons().getFirst().item()).isEqualTo(current);
  }

  @Test
  void aCommittedTransactionAppliesEveryActionAndStreamsEachOnceWithBothImages() {
    String table = TestSupport.createTable(dynamo, "tx", StreamViewType.NEW_AND_OLD_IMAGES);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("x"), "v", n(1))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("y"), "v", n(1))));
    int before = allRecords(streams, streamArn(dynamo, table)).size();

    dynamo.transactWriteItems(
        r ->
            r.transactItems(
                put(table, item("pk", s("z"), "v", n(1))),
                TransactWriteItem.builder()
                    .update(
                        Update.builder()
                            .tableName(table)
                            .key(key("x"))
                            .updateExpression("SET v = v + :one")
                            .conditionExpression("v = :one")
                            .expressionAttributeValues(Map.of(":one", n(1)))
                            .build())
                    .build(),
                delete(table, "y"),
                check(table, "w", "attribute_not_exists(pk)", null)));

    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("z"))).item()).containsKey("v");
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("x"))).item().get("v"))
        .isEqualTo(n(2));
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("y"))).hasItem()).isFalse();

    List<Record> records = allRecords(streams, streamArn(dynamo, table));
    List<Record> transaction = records.subList(before, records.size());
    assertThat(transaction)
        .extracting(
            record -> record.eventNameAsString() + " " + record.dynamodb().keys().get("pk").s())
        .containsExactly("INSERT z", "MODIFY x", "REMOVE y");
    assertThat(transaction.get(0).dynamodb().hasOldImage()).isFalse();
    assertThat(transaction.get(0).dynamodb().newImage()).isEqualTo(item("pk", s("z"), "v", n(1)));
    assertThat(transaction.get(1).dynamodb().oldImage()).isEqualTo(item("pk", s("x"), "v", n(1)));
    assertThat(transaction.get(1).dynamodb().newImage()).isEqualTo(item("pk", s("x"), "v", n(2)));
    assertThat(transaction.get(2).dynamodb().oldImage()).isEqualTo(item("pk", s("y"), "v", n(1)));
    assertThat(transaction.get(2).dynamodb().hasNewImage()).isFalse();
  }

  @Test
  void twoActionsOnOneItemAreRefusedAndNothingIsWritten() {
    String table = TestSupport.createTable(dynamo, "tx", StreamViewType.NEW_AND_OLD_IMAGES);

    DynamoDbException refused =
        transactionFailure(
            DynamoDbException.class,
            put(table, item("pk", s("other"), "v", n(1))),
            put(table, item("pk", s("same"), "v", n(1))),
            delete(table, "same"));

    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo("Transaction request cannot include multiple operations on one item");
    assertThat(dynamo.scan(r -> r.tableName(table)).count()).isZero();
    assertThat(allRecords(streams, streamArn(dynamo, table))).isEmpty();
  }

  @Test
  void aRetryWithTheSameClientRequestTokenIsNotAppliedTwice() {
    String table = TestSupport.createTable(dynamo, "tx", StreamViewType.NEW_AND_OLD_IMAGES);
    TransactWriteItem increment = addOne(table, "counter", "n");

    dynamo.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(increment));
    dynamo.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(increment));

    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("counter"))).item().get("n"))
        .isEqualTo(n(1));
    assertThat(allRecords(streams, streamArn(dynamo, table))).hasSize(1);

    // The SDK makes a fresh token per call: without our own token, the increment repeats.
    dynamo.transactWriteItems(r -> r.transactItems(increment));
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("counter"))).item().get("n"))
        .isEqualTo(n(2));
  }

  @Test
  void reusingATokenForADifferentRequestIsRefused() {
    String table = TestSupport.createTable(dynamo, "tx", null);
    dynamo.transactWriteItems(
        r -> r.clientRequestToken("token-2").transactItems(put(table, item("pk", s("a")))));

    assertThat(
            catchThrowableOfType(
                IdempotentParameterMismatchException.class,
                () ->
                    dynamo.transactWriteItems(
                        r ->
                            r.clientRequestToken("token-2")
                                .transactItems(put(table, item("pk", s("b")))))))
        .isNotNull();
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("b"))).hasItem()).isFalse();
  }

  @Test
  void anActionDynaliteRefusesWhileApplyingUndoesTheEarlierOnes() {
    String table = TestSupport.createTable(dynamo, "tx", StreamViewType.NEW_AND_OLD_IMAGES);
    Map<String, AttributeValue> original = item("pk", s("b"), "v", n(1));
    Map<String, AttributeValue> text = item("pk", s("c"), "v", s("not a number"));
    dynamo.putItem(r -> r.tableName(table).item(original));
    dynamo.putItem(r -> r.tableName(table).item(text));
    int before = allRecords(streams, streamArn(dynamo, table)).size();

    DynamoDbException refused =
        transactionFailure(
            DynamoDbException.class,
            put(table, item("pk", s("a"), "v", n(1))),
            put(table, item("pk", s("b"), "v", n(2))),
            addOne(table, "c", "v")); // adding a number to a string fails only when applied

    assertThat(refused).isNotInstanceOf(TransactionCanceledException.class);
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a"))).hasItem()).isFalse();
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("b"))).item()).isEqualTo(original);
    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("c"))).item()).isEqualTo(text);
    assertThat(allRecords(streams, streamArn(dynamo, table))).hasSize(before);
  }

  @Test
  void moreThanOneHundredActionsAreRefused() {
    String table = TestSupport.createTable(dynamo, "tx", null);
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i <= TransactionExecutor.MAX_ACTIONS; i++) {
      actions.add(put(table, item("pk", s("k" + i))));
    }

    DynamoDbException refused =
        transactionFailure(DynamoDbException.class, actions.toArray(TransactWriteItem[]::new));

    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(dynamo.scan(r -> r.tableName(table)).count()).isZero();
  }

  @Test
  void transactGetItemsAnswersEveryGetInOrder() {
    String table = TestSupport.createTable(dynamo, "tx", null);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"), "v", n(2))));

    List<ItemResponse> responses =
        dynamo
            .transactGetItems(
                r -> r.transactItems(get(table, "b"), get(table, "missing"), get(table, "a")))
            .responses();

    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).item()).isEqualTo(item("pk", s("b"), "v", n(2)));
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(2).item()).isEqualTo(item("pk", s("a"), "v", n(1)));
  }

  /**
   * Writes the actions in one transaction and catches the {@code type} it throws (null if none).
   */
  private static <T extends Throwable> T transactionFailure(
      Class<T> type, TransactWriteItem... actions) {
    return catchThrowableOfType(
        type, () -> dynamo.transactWriteItems(r -> r.transactItems(actions)));
  }

  static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  static TransactWriteItem delete(String table, String pk) {
    return TransactWriteItem.builder()
        .delete(Delete.builder().tableName(table).key(key(pk)).build())
        .build();
  }

  /** An update that ADDs 1 to the item's attribute. */
  static TransactWriteItem addOne(String table, String pk, String attribute) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(key(pk))
                .updateExpression("ADD " + attribute + " :one")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .build())
        .build();
  }

  static TransactWriteItem check(
      String table, String pk, String condition, Map<String, AttributeValue> values) {
    return TransactWriteItem.builder()
        .conditionCheck(
            ConditionCheck.builder()
                .tableName(table)
                .key(key(pk))
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .build())
        .build();
  }

  private static TransactGetItem get(String table, String pk) {
    return TransactGetItem.builder()
        .get(Get.builder().tableName(table).key(key(pk)).build())
        .build();
  }
}
