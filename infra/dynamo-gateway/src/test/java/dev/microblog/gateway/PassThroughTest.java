package dev.microblog.gateway;

import static dev.microblog.gateway.TestSupport.item;
import static dev.microblog.gateway.TestSupport.key;
import static dev.microblog.gateway.TestSupport.n;
import static dev.microblog.gateway.TestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** What dynalite does itself reaches the client unchanged through the gateway. */
class PassThroughTest {
  private static LocalDynamo local;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() throws Exception {
    local = TestSupport.startInMemory();
    dynamo = TestSupport.dynamo(local);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    local.close();
  }

  @Test
  void readsAndQueriesAnswerAsDynaliteDoes() {
    String table = TestSupport.createTable(dynamo, "reads", StreamViewType.NEW_IMAGE);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n(1))));
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"), "v", n(2))));

    assertThat(dynamo.getItem(r -> r.tableName(table).key(key("a"))).item())
        .isEqualTo(item("pk", s("a"), "v", n(1)));
    assertThat(
            dynamo
                .query(
                    r ->
                        r.tableName(table)
                            .keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", s("b"))))
                .items())
        .containsExactly(item("pk", s("b"), "v", n(2)));
    assertThat(dynamo.scan(r -> r.tableName(table)).count()).isEqualTo(2);
    assertThat(
            dynamo
                .batchGetItem(
                    r ->
                        r.requestItems(
                            Map.of(
                                table,
                                KeysAndAttributes.builder().keys(key("a"), key("b")).build())))
                .responses()
                .get(table))
        .hasSize(2);
  }

  @Test
  void dynalitesErrorsReachTheClientAsTheirOwnExceptions() {
    String table = TestSupport.createTable(dynamo, "errors", StreamViewType.NEW_IMAGE);
    dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"))));

    assertThat(
            catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () ->
                    dynamo.putItem(
                        r ->
                            r.tableName(table)
                                .item(item("pk", s("a")))
                                .conditionExpression("attribute_not_exists(pk)"))))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> dynamo.putItem(r -> r.tableName("no-such-table").item(item("pk", s("a"))))))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () ->
                    dynamo.transactWriteItems(
                        r ->
                            r.transactItems(
                                TransactionsTest.put("no-such-table", item("pk", s("a")))))))
        .isNotNull();
  }

  @Test
  void aDeletedTableIsGoneWithItsStreamSettings() {
    String table = TestSupport.createTable(dynamo, "deleted", StreamViewType.NEW_IMAGE);
    dynamo.deleteTable(r -> r.tableName(table));

    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> dynamo.describeTable(r -> r.tableName(table))))
        .isNotNull();
    TestSupport.createTableNamed(dynamo, table, null);
    assertThat(dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn()).isNull();
  }

  @Test
  void aTableCanBeUsedAndItsNameReusedAsSoonAsTheCallAnswers() {
    for (int i = 0; i < 25; i++) {
      String table = TestSupport.createTable(dynamo, "at-once", StreamViewType.NEW_IMAGE);
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s("a"))));
      dynamo.deleteTable(r -> r.tableName(table));
      TestSupport.createTableNamed(dynamo, table, null);
      dynamo.putItem(r -> r.tableName(table).item(item("pk", s("b"))));
      assertThat(dynamo.scan(r -> r.tableName(table)).items()).containsExactly(item("pk", s("b")));
    }
  }

  @Test
  void answersCarryARequestIdAndAChecksumOfTheBody() throws Exception {
    String table = TestSupport.createTable(dynamo, "raw", StreamViewType.NEW_IMAGE);
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String target : List.of("DynamoDB_20120810.DescribeTable", "DynamoDB_20120810.Scan")) {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(local.endpoint())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"" + table + "\"}"))
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", target)
                    .header("X-Amz-Date", "20260101T000000Z")
                    .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request,"
                            + " SignedHeaders=host, Signature=0")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        CRC32 crc = new CRC32();
        crc.update(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("x-amz-crc32"))
            .contains(Long.toString(crc.getValue()));
      }
    }
  }
}
