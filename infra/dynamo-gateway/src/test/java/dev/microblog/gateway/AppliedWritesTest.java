package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.n;
import static dev.microblog.gateway.TestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.gateway.TestSupport.LocalDynamoFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Every write the gateway applies is reported with its images, as DynamoDB would bill it. */
class AppliedWritesTest {
  @RegisterExtension static final LocalDynamoFixture db = LocalDynamoFixture.start();
  private static final DynamoDbClient dynamo = db.dynamo();

  @Test
  void singleWritesAndTransactionsAreReportedItemByItemAndUnchangedWritesToo() {
    String table = TestSupport.createTable(dynamo, "billed", StreamViewType.NEW_AND_OLD_IMAGES);
    List<AppliedWrite> writes = new CopyOnWriteArrayList<>();
    db.local().onWrite(w -> writes.add(w));

    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));
    dynamo.transactWriteItems(
        r ->
            r.transactItems(
                t -> t.put(p -> p.tableName(table).item(item("pk", s("b"), "v", n(2)))),
                t -> t.delete(d -> d.tableName(table).key(Map.of("pk", s("a"))))));

    List<AppliedWrite> mine = writes.stream().filter(w -> w.table().equals(table)).toList();
    assertThat(mine)
        .extracting(AppliedWrite::transactional)
        .containsExactly(false, false, true, true);
    assertThat(mine.get(0).oldImage()).isNull();
    assertThat(mine.get(1).oldImage()).isEqualTo(mine.get(1).newImage());
    assertThat(mine.get(3).newImage()).isNull();
    assertThat(mine.get(3).oldImage().get("v").get("N").asText()).isEqualTo("1");
  }
}
