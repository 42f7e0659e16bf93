package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The benchmark loader writes exactly the items core's stores write. */
class TableItemsTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");

  static LocalDynamo dynamo;
  static DynamoDbClient client;
  static Store store;

  @BeforeAll
  static void start() throws Exception {
    dynamo = LocalDynamo.start(Repo.nodeDir().resolve("node_modules"), null, 0);
    client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
    store = Store.over(client, "items");
    store.table().createIfMissing();
    store.users().create(new NewUser("ann", "ann@example.org", "hash-of-ann", T));
    store.users().create(new NewUser("bob", "bob@example.org", "hash-of-bob", T));
    store.follows().follow("ann", "bob", T);
  }

  @AfterAll
  static void stop() {
    client.close();
    dynamo.close();
  }

  private static Map<String, AttributeValue> stored(Map<String, AttributeValue> like) {
    return client
        .getItem(
            b ->
                b.tableName("items")
                    .key(Map.of("pk", like.get("pk"), "sk", like.get("sk")))
                    .consistentRead(true))
        .item();
  }

  @Test
  void a_post_is_the_item_the_post_store_writes() {
    Post post = store.posts().create("bob", "hello", T);
    Map<String, AttributeValue> item = TableItems.post(post);
    assertThat(item).isEqualTo(stored(item));
  }

  @Test
  void a_follow_is_both_edges_the_follow_store_writes() {
    for (var edge : TableItems.follow("ann", "bob", T)) {
      assertThat(edge).isEqualTo(stored(edge));
    }
  }

  @Test
  void a_profile_is_the_item_the_user_store_writes_but_for_its_credentials() {
    Map<String, AttributeValue> item = TableItems.profile("ann", T, 0, 0, 1);
    Map<String, AttributeValue> stored = new HashMap<>(stored(item));
    assertThat(stored.keySet()).isEqualTo(item.keySet());
    stored.put("email", item.get("email"));
    stored.put("passwordHash", item.get("passwordHash"));
    assertThat(item).isEqualTo(stored);
  }
}
