package dev.microblog.core.store;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The single table and its key layout. Every item has a partition key {@code pk} and sort key
 * {@code sk}; {@code gsi1} (keys only) lists the site's posts by time in sharded day buckets, and
 * all users in order.
 *
 * <pre>
 * pk                 sk                   what
 * USER#alice         PROFILE              profile, password hash, follow counters
 * USER#alice         POST#0000000042      alice's 42nd post; gsi1: EXPLORE#&lt;day&gt;#&lt;shard&gt; / time
 * USER#alice         FOLLOWS#bob          alice follows bob
 * USER#alice         HOME                 alice asked for her home timeline (generator renders it)
 * USER#alice         HOME_SERVED          the newest such request the generator has served
 * USER#bob           FOLLOWER#alice       the same edge seen from bob
 * EMAIL#a@example.org EMAIL               makes e-mail addresses unique
 * EXPLORE            SEALED               how far the site's posts are numbered (see Seals)
 * EXPLORE            SEAL#000000000041    posts 41.. of the site, in order, numbered for good
 * SESSION#&lt;sha256&gt; SESSION              a login session, removed by TTL
 * CDN                OWED                 paths the generator owes the CDN an invalidation for
 * </pre>
 *
 * No item is written by every post: a post writes its own item only (its number is claimed by the
 * put's condition), and its index entry lands in one of {@link #EXPLORE_SHARDS} partitions of the
 * day.
 */
public final class Table {
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1 = "gsi1";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";
  public static final String TTL = "ttl";

  static final String USER = "USER#";
  static final String PROFILE = "PROFILE";
  static final String POST = "POST#";
  static final String FOLLOWS = "FOLLOWS#";
  static final String FOLLOWER = "FOLLOWER#";
  static final String HOME = "HOME";
  static final String HOME_SERVED = "HOME_SERVED";
  static final String EMAIL = "EMAIL#";
  static final String SESSION = "SESSION#";
  static final String CDN = "CDN";
  static final String OWED = "OWED";
  static final String EXPLORE = "EXPLORE";
  static final String SEALED = "SEALED";
  static final String SEAL = "SEAL#";

  /** Index partitions per day the site's posts are spread over (each takes 1,000 writes/s). */
  static final int EXPLORE_SHARDS = 8;

  static final String USERS = "USERS";

  private final DynamoDbClient client;
  private final String name;

  public Table(DynamoDbClient client, String name) {
    this.client = client;
    this.name = name;
  }

  DynamoDbClient client() {
    return client;
  }

  public String name() {
    return name;
  }

  /** Creates the table with its stream and TTL if it does not exist yet (local stack, tests). */
  public void createIfMissing() {
    try {
      client.describeTable(b -> b.tableName(name));
      return;
    } catch (ResourceNotFoundException absent) {
      // fall through and create it
    }
    client.createTable(definition(name));
    client.waiter().waitUntilTableExists(b -> b.tableName(name));
    client.updateTimeToLive(
        b ->
            b.tableName(name)
                .timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(TTL).enabled(true).build()));
  }

  /** The table as template.yaml declares it. */
  public static CreateTableRequest definition(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attribute(PK), attribute(SK), attribute(GSI1_PK), attribute(GSI1_SK))
        .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder()
                .indexName(GSI1)
                .keySchema(key(GSI1_PK, KeyType.HASH), key(GSI1_SK, KeyType.RANGE))
                // Keys only: an index entry is written once with its post and never again, and
                // profile counters changing do not touch the index.
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                .build())
        .streamSpecification(
            StreamSpecification.builder()
                .streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                .build())
        .build();
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    var item = client.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, s(pk), SK, s(sk));
  }

  static Map<String, AttributeValue> item(String pk, String sk) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(pk));
    item.put(SK, s(sk));
    return item;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static String str(Map<String, AttributeValue> item, String attribute) {
    AttributeValue v = item.get(attribute);
    return v == null ? null : v.s();
  }

  static long num(Map<String, AttributeValue> item, String attribute) {
    AttributeValue v = item.get(attribute);
    return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
  }

  static String userPk(String username) {
    return USER + username;
  }

  static String postSk(long seq) {
    return POST + pad(seq, 10);
  }

  /** The explore index partition of a post: its day (UTC) and a shard spreading the day. */
  static String exploreBucket(LocalDate day, int shard) {
    return EXPLORE + "#" + day + "#" + shard;
  }

  static int exploreShard(PostId id) {
    return Math.floorMod((id.author() + "/" + id.seq()).hashCode(), EXPLORE_SHARDS);
  }

  /**
   * The explore index sort key: sorts as {@link Post#NEWEST_FIRST} reversed ('#' sorts before every
   * character a username may hold).
   */
  static String orderKey(Instant createdAt, String author, long seq) {
    return pad(createdAt.toEpochMilli(), 13) + "#" + author + "#" + pad(seq, 10);
  }

  static String pad(long n, int width) {
    String digits = Long.toString(n);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  static List<String> suffixes(List<Map<String, AttributeValue>> items, String prefix) {
    return items.stream().map(i -> str(i, SK).substring(prefix.length())).toList();
  }
}
