package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import dev.microblog.generator.BatchReport;
import dev.microblog.generator.Generator;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.publishing.Publisher;
import dev.microblog.generator.publishing.S3Publisher;
import dev.microblog.generator.rendering.CachePolicy;
import dev.microblog.generator.rendering.Page;
import dev.microblog.localstack.S3Faults.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The real generator (S3Publisher over the SDK client the Lambda builds) publishing through an S3
 * stand-in that fails as S3 does, fed by the table's real stream as Lambda's event source feeds it.
 * Either the SDK's retries absorb a fault, or the batch reports the record as failed and the
 * stream's retry publishes it: no page is lost or left half-written.
 */
class PublishingUnderS3FaultsTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final String POST = "Hello from under a throttled S3";
  static final AtomicInteger tables = new AtomicInteger();

  /** The folders every reader page is written in. */
  static final List<String> LOCALES = List.of("en", "es", "ar");

  static LocalDynamo dynamo;
  static DynamoDbClient dynamoClient;
  static DynamoDbStreamsClient streams;

  S3Server s3;
  S3Client s3Client;
  String table;
  Store store;
  Generator generator;

  @BeforeAll
  static void startDynamo() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    AwsConfig config = AwsConfig.standIn("DYNAMODB", dynamo.endpoint());
    dynamoClient = config.dynamoDb();
    streams = config.dynamoDbStreams();
  }

  @AfterAll
  static void stopDynamo() {
    dynamoClient.close();
    streams.close();
    dynamo.close();
  }

  /** A fresh table and bucket holding the empty site, as the local stack starts. */
  @BeforeEach
  void freshSite() throws Exception {
    s3 = S3Server.start(null, 0, "site");
    s3Client = s3.client();
    table = "faults" + tables.incrementAndGet();
    store = Store.over(dynamoClient, table);
    store.table().createIfMissing();
    generator = Generator.create(store, new S3Publisher(s3Client, "site"), Invalidator.NONE);
    generator.builder().rebuildAll();
  }

  @AfterEach
  void stopS3() throws Exception {
    s3Client.close();
    s3.close();
  }

  /** Two users sign up, bob follows alice, alice posts: about twenty stream records. */
  void aliceAndBobWrite() {
    store.users().create(new NewUser("alice", "alice@example.org", "$argon2id$x", T0));
    store.users().create(new NewUser("bob", "bob@example.org", "$argon2id$x", T0.plusSeconds(60)));
    store.follows().follow("bob", "alice", T0.plusSeconds(120));
    store.posts().create("alice", POST, T0.plusSeconds(180));
  }

  /** The generator's Lambda handler, remembering each batch and its answer to Lambda. */
  static final class Answers implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    record Answer(List<String> sequenceNumbers, List<String> failedAt) {}

    final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;

    Answers(Generator generator) {
      this.handler = generator.handler();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
      StreamsEventResponse response = handler.handleRequest(event, context);
      answers.add(
          new Answer(
              event.getRecords().stream().map(r -> r.getDynamodb().getSequenceNumber()).toList(),
              response.getBatchItemFailures().stream()
                  .map(BatchItemFailure::getItemIdentifier)
                  .toList()));
      return response;
    }

    List<Answer> failed() {
      return answers.stream().filter(a -> !a.failedAt().isEmpty()).toList();
    }
  }

  StreamPoller poller(Answers answers) throws Exception {
    return StreamPoller.start(
        dynamoClient, streams, table, answers, StreamPollerTest.QUICK_RETRIES);
  }

  /** Every object in the bucket is what a clean render writes: a rebuild finds nothing to do. */
  void assertBucketMatchesACleanRender() {
    s3.faults().clear();
    BatchReport rebuild = generator.builder().rebuildAll();
    assertThat(rebuild.written()).as("pages missing or wrong in the bucket").isZero();
    assertThat(rebuild.deleted()).isZero();
    for (String locale : LOCALES) {
      assertThat(get(locale + "/users/alice/posts/1/index.html").asUtf8String()).contains(POST);
      assertThat(get(locale + "/users/bob/home/index.html").asUtf8String()).contains(POST);
    }
  }

  ResponseBytes<GetObjectResponse> get(String key) {
    return s3Client.getObjectAsBytes(b -> b.bucket("site").key(key));
  }

  @Test
  void occasionalFaultsAreAbsorbedByTheSdksRetriesAndEveryPageIsPublished() throws Exception {
    // At most three faults can meet one request: fewer than the SDK's four attempts.
    s3.faults()
        .slowBy(Duration.ofMillis(50))
        .next(Kind.SLOW, 5)
        .next(Kind.SLOW_DOWN, 2)
        .next(Kind.RESET_MID_UPLOAD, 1);
    Answers answers = new Answers(generator);

    try (StreamPoller poller = poller(answers)) {
      aliceAndBobWrite();
      assertThat(poller.awaitIdle(Duration.ofSeconds(60))).isTrue();

      assertThat(answers.failed()).isEmpty();
      assertThat(poller.stats().failedBatches()).isZero();
    }
    assertThat(s3.faults().injected(Kind.SLOW_DOWN)).isEqualTo(2);
    assertThat(s3.faults().injected(Kind.RESET_MID_UPLOAD)).isEqualTo(1);
    assertThat(s3.faults().injected(Kind.SLOW)).isEqualTo(5);
    assertBucketMatchesACleanRender();
  }

  @Test
  void faultsAtARateAreAbsorbedPageAfterPage() {
    // One request at a time, so the seeded draws fall on the same requests every run.
    s3.faults().apply("slow=0.1,slow-by=20ms,slow-down=0.15,reset=0.15,seed=42");
    Publisher publisher = new S3Publisher(s3Client, "site");

    for (int i = 1; i <= 40; i++) {
      publisher.publish(page(i, "v1"));
      publisher.publish(page(i, "v2"));
    }

    assertThat(s3.faults().injected(Kind.SLOW_DOWN)).isPositive();
    assertThat(s3.faults().injected(Kind.RESET_MID_UPLOAD)).isPositive();
    s3.faults().clear();
    for (int i = 1; i <= 40; i++) {
      Page expected = page(i, "v2");
      var stored = get(expected.key());
      assertThat(stored.asByteArray()).isEqualTo(expected.body());
      assertThat(stored.response().metadata()).containsEntry(S3Publisher.SHA256, expected.sha256());
    }
  }

  static Page page(int n, String version) {
    return Page.html(
        "/test/" + n + "/", "<p>page " + n + " " + version + "</p>", CachePolicy.CHANGING);
  }

  @Test
  void faultsThatOutliveTheRetriesFailThePublishUntilTheyStop() {
    s3.faults().next(Kind.SLOW_DOWN, 20);
    Publisher publisher = new S3Publisher(s3Client, "site");
    Page page = page(1, "v1");

    // Each publish spends the SDK's four attempts on its HEAD: five publishes meet 20 faults.
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> publisher.publish(page))
          .as("a throttled HEAD is not a missing object")
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
      assertThat(s3.hasObject(page.key())).isFalse();
    }

    assertThat(publisher.publish(page)).isEqualTo(Publisher.Outcome.CREATED);
    assertThat(get(page.key()).asByteArray()).isEqualTo(page.body());
  }

  @Test
  void whileS3ThrottlesTheBatchReportsItsFirstRecordAndTheStreamsRetryPublishesIt()
      throws Exception {
    s3.faults().rate(Kind.SLOW_DOWN, 1); // every request, until it stops
    Answers answers = new Answers(generator);

    try (StreamPoller poller = poller(answers)) {
      aliceAndBobWrite();
      await().atMost(Duration.ofSeconds(60)).until(() -> !answers.failed().isEmpty());

      Answers.Answer first = answers.failed().getFirst();
      assertThat(first.failedAt())
          .as("one record of the batch, where Lambda retries from")
          .hasSize(1)
          .isSubsetOf(first.sequenceNumbers());
      for (String locale : LOCALES) {
        assertThat(s3.hasObject(locale + "/users/alice/index.html")).isFalse();
      }

      s3.faults().clear();
      assertThat(poller.awaitIdle(Duration.ofSeconds(60))).isTrue();

      assertThat(answers.answers.getLast().failedAt()).isEmpty();
      assertThat(poller.stats().failedBatches()).isPositive();
      assertThat(poller.stats().droppedRecords()).as("no record given up on").isZero();
    }
    assertBucketMatchesACleanRender();
  }
}
