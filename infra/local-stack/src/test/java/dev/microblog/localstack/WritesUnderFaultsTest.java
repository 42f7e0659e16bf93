package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.Faults;
import dev.microblog.generator.BatchReport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sign-ups, posts and follows through the CDN while DynamoDB or S3 misbehave as they do in AWS.
 * Every answer is a success or a "try again" (503 with Retry-After, in the site's words); a reader
 * who tries again gets there; nothing is written twice or by half; and once the fault stops, the
 * bucket is exactly what a clean render of the table gives.
 */
class WritesUnderFaultsTest {
  private static final String PASSWORD = "correct horse battery";
  private static final int MAX_TRIES = 12;
  private static LocalStack stack;
  private static int round;

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(Options.inMemory(Repo.root(), false));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @AfterEach
  void faultsOff() {
    stack.dynamo().faults().clear();
    stack.s3Faults().clear();
  }

  @ParameterizedTest(name = "DynamoDB {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "TRANSACTION_CONFLICT | seed=1,conflict=0.5",
        "THROTTLING           | seed=2,throttling=0.3",
        "RESET_AFTER_WRITE    | seed=3,reset=0.3",
        "LAGGING_INDEX        | seed=4,index-lag=300ms",
        "EXPIRED_ITERATOR     | seed=5,expired-iterator=0.5",
        "TRIMMED_RECORDS      | seed=6,trimmed-records=0.3"
      })
  void dynamoDbFaults(Faults.Kind kind, String spec) throws Exception {
    long before = stack.dynamo().faults().injected(kind);
    stack.dynamo().faults().apply(spec);

    writeAndCheck(() -> stack.dynamo().faults().injected(kind) - before);
  }

  @ParameterizedTest(name = "S3 {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SLOW_DOWN        | seed=7,slow-down=0.4",
        "RESET_MID_UPLOAD | seed=8,reset=0.3",
        "SLOW             | seed=9,slow=0.5,slow-by=50ms"
      })
  void s3Faults(S3Faults.Kind kind, String spec) throws Exception {
    long before = stack.s3Faults().injected(kind);
    stack.s3Faults().apply(spec);

    writeAndCheck(() -> stack.s3Faults().injected(kind) - before);
  }

  /** Three readers sign up, post twice each and follow one another, trying again on a 503. */
  private void writeAndCheck(Supplier<Long> injected) throws Exception {
    int r = ++round;
    List<String> names = List.of("ann" + r, "ben" + r, "cat" + r);
    Map<String, SiteClient> readers = new LinkedHashMap<>();
    List<Integer> statuses = new ArrayList<>();
    for (String name : names) {
      SiteClient reader = new SiteClient(stack.siteUrl());
      readers.put(name, reader);
      until(
          statuses,
          () ->
              reader.post(
                  "/api/signup",
                  Map.of("username", name, "email", name + "@example.org", "password", PASSWORD)));
    }
    for (var reader : readers.entrySet()) {
      for (int i = 1; i <= 2; i++) {
        String body = reader.getKey() + " says " + i;
        until(statuses, () -> reader.getValue().post("/api/posts", Map.of("body", body)));
      }
      for (String other : names) {
        if (!other.equals(reader.getKey())) {
          until(statuses, () -> reader.getValue().post("/api/follow/" + other, Map.of()));
        }
      }
    }

    assertThat(statuses).as("every answer a success or a try-again").isSubsetOf(303, 503);
    assertThat(injected.get()).as("faults injected while they wrote").isPositive();

    stack.dynamo().faults().clear();
    stack.s3Faults().clear();
    assertThat(stack.awaitPagesCurrent(Duration.ofSeconds(60))).isTrue();

    // Timelines are pulled: each reader goes home, and then the whole bucket must be current.
    for (SiteClient reader : readers.values()) {
      until(statuses, () -> reader.get("/api/home"));
    }
    assertThat(stack.awaitPagesCurrent(Duration.ofSeconds(60))).isTrue();

    Store store = stack.store();
    for (String name : names) {
      User user = store.users().find(name).orElseThrow();
      assertThat(user.postCount()).as(name + " posts").isEqualTo(2);
      assertThat(user.followers()).as(name + " followers").isEqualTo(2);
      assertThat(user.following()).as(name + " following").isEqualTo(2);
      assertThat(store.posts().byAuthor(name, 1, 10))
          .extracting(Post::body)
          .containsExactly(name + " says 2", name + " says 1");
      assertThat(store.follows().followers(name)).hasSize(2);
    }
    BatchReport rebuild = stack.generator().builder().rebuildAll();
    assertThat(rebuild.written()).as("pages missing or stale in the bucket").isZero();
    assertThat(rebuild.deleted()).as("pages that should not be there").isZero();
  }

  /** Sends until the answer is not a 503, as a reader following "try again" would. */
  private static void until(List<Integer> statuses, Supplier<HttpResponse<String>> request)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> answer = request.get();
      statuses.add(answer.statusCode());
      if (answer.statusCode() != 503) {
        return;
      }
      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      assertThat(answer.body()).contains("<html").doesNotContain("Exception").doesNotContain("SDK");
      assertThat(attempt).as("tries before the fault let it through").isLessThan(MAX_TRIES);
      Thread.sleep(50);
    }
  }
}
