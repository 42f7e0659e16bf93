package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.localstack.S3Faults.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Each fault as S3 shapes it and as the real SDK client (built as the generator builds it) sees it
 * through the S3 stand-in. The SDK's default for S3 is 4 attempts: the first and 3 retries.
 */
class S3FaultsTest {
  static final int SDK_ATTEMPTS = 4;

  static S3Server s3;
  static S3Client client;
  static int keys;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start(null, 0, "site");
    client = s3.client();
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    s3.close();
  }

  @AfterEach
  void noFaults() {
    s3.faults().clear();
  }

  static String freshKey() {
    return "pages/" + ++keys + "/index.html";
  }

  static void put(String key, String body) {
    client.putObject(b -> b.bucket("site").key(key), RequestBody.fromString(body));
  }

  static String get(String key) {
    return client.getObjectAsBytes(b -> b.bucket("site").key(key)).asUtf8String();
  }

  static HttpResponse<String> rawGet(String key) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(s3.endpoint() + "/site/" + key)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void withNoFaultsSetEveryRequestPassesUnchanged() {
    String key = freshKey();
    put(key, "<p>hello</p>");

    assertThat(get(key)).isEqualTo("<p>hello</p>");
    assertThat(s3.faults().injected(Kind.SLOW_DOWN)).isZero();
  }

  @Test
  void slowDownAnswers503WithS3sXmlErrorDocument() throws Exception {
    String key = freshKey();
    put(key, "x");
    s3.faults().next(Kind.SLOW_DOWN, 1);

    HttpResponse<String> answer = rawGet(key);

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(answer.body())
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("<Code>SlowDown</Code>")
        .contains("<Message>Please reduce your request rate.</Message>")
        .contains("<Resource>/site/" + key + "</Resource>");
    Matcher id = Pattern.compile("<RequestId>([0-9A-F]{16})</RequestId>").matcher(answer.body());
    assertThat(id.find()).isTrue();
    assertThat(answer.headers().firstValue("x-amz-request-id")).hasValue(id.group(1));
    assertThat(answer.headers().firstValue("x-amz-id-2")).isPresent();
    assertThat(rawGet(key).statusCode()).as("one fault, then S3 answers again").isEqualTo(200);
  }

  @Test
  void slowDownThatOutlivesTheRetriesReachesTheCallerAsS3Exception503() {
    String key = freshKey();
    s3.faults().next(Kind.SLOW_DOWN, 20);

    assertThatThrownBy(() -> put(key, "<p>lost?</p>"))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(503);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Please reduce your request rate.");
              assertThat(e.numAttempts()).isEqualTo(SDK_ATTEMPTS);
            });
    assertThat(s3.faults().injected(Kind.SLOW_DOWN)).isEqualTo(SDK_ATTEMPTS);
    assertThat(s3.hasObject(key)).isFalse();
  }

  @Test
  void aHeadThatIsThrottledIsA503NotAMissingObject() {
    String key = freshKey();
    put(key, "there");
    s3.faults().next(Kind.SLOW_DOWN, 20);

    assertThatThrownBy(() -> client.headObject(b -> b.bucket("site").key(key)))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
  }

  @Test
  void fewerSlowDownsThanAttemptsAreAbsorbedByTheSdksRetries() {
    String key = freshKey();
    s3.faults().next(Kind.SLOW_DOWN, SDK_ATTEMPTS - 1);

    put(key, "<p>made it</p>");

    assertThat(get(key)).isEqualTo("<p>made it</p>");
    assertThat(s3.faults().injected(Kind.SLOW_DOWN)).isEqualTo(SDK_ATTEMPTS - 1);
  }

  @Test
  void aResetMidUploadDropsTheConnectionAndStoresNothing() {
    String key = freshKey();
    s3.faults().next(Kind.RESET_MID_UPLOAD, 20);

    assertThatThrownBy(() -> put(key, "x".repeat(200_000)))
        .isInstanceOfSatisfying(
            SdkClientException.class,
            e -> {
              assertThat(e).isNotInstanceOf(S3Exception.class); // no answer came
              assertThat(e.getCause()).isInstanceOf(IOException.class);
              assertThat(e.numAttempts()).isEqualTo(SDK_ATTEMPTS);
            });
    s3.faults().clear();
    assertThat(s3.hasObject(key)).isFalse();
    assertThat(client.listObjectsV2(b -> b.bucket("site").prefix(key)).contents())
        .extracting(S3Object::key)
        .isEmpty();
  }

  @Test
  void aResetOnlyHitsUploadsAndOneIsRetriedWhole() {
    String key = freshKey();
    put(key, "old");
    s3.faults().next(Kind.RESET_MID_UPLOAD, 1);

    assertThat(get(key)).as("a read has no body to cut").isEqualTo("old");
    String body = "new ".repeat(50_000);
    put(key, body);

    assertThat(s3.faults().injected(Kind.RESET_MID_UPLOAD)).isEqualTo(1);
    assertThat(get(key)).isEqualTo(body);
  }

  @Test
  void slowDelaysTheAnswerBySlowBy() {
    String key = freshKey();
    put(key, "late");
    s3.faults().slowBy(Duration.ofMillis(400)).next(Kind.SLOW, 1);

    long start = System.nanoTime();
    String body = get(key);
    long slowMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    get(key);
    long nextMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(body).isEqualTo("late");
    assertThat(slowMillis).isGreaterThanOrEqualTo(400);
    assertThat(nextMillis).isLessThan(400);
  }

  @Test
  void clearTurnsEveryFaultOff() {
    String key = freshKey();
    s3.faults()
        .rate(Kind.SLOW_DOWN, 1)
        .rate(Kind.RESET_MID_UPLOAD, 1)
        .next(Kind.SLOW, 5)
        .slowBy(Duration.ofSeconds(5));

    s3.faults().clear();
    long start = System.nanoTime();
    put(key, "fine");

    assertThat(get(key)).isEqualTo("fine");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    for (Kind kind : Kind.values()) {
      assertThat(s3.faults().injected(kind)).isZero();
    }
  }

  @Test
  void aSpecSetsRatesAndLatency() {
    S3Faults faults = S3Faults.parse("slow=1, slow-by=300ms, slow-down=0, reset=1");

    S3Faults.Decision upload = faults.decide(true);
    S3Faults.Decision read = faults.decide(false);

    assertThat(upload.slow()).isTrue();
    assertThat(upload.delay()).isEqualTo(Duration.ofMillis(300));
    assertThat(upload.slowDown()).isFalse();
    assertThat(upload.reset()).isTrue();
    assertThat(read.reset()).as("nothing to cut without a body").isFalse();
    assertThat(S3Faults.parse("slow=1,slow-by=2s").decide(false).delay())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aRateIsAProbabilityAndASeedMakesItRepeatable() {
    S3Faults a = S3Faults.parse("slow-down=0.1,seed=7");
    S3Faults b = S3Faults.parse("seed=7,slow-down=0.1");
    List<Boolean> first = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      first.add(a.decide(false).slowDown());
      second.add(b.decide(false).slowDown());
    }

    assertThat(first).isEqualTo(second);
    assertThat(a.injected(Kind.SLOW_DOWN)).isBetween(850L, 1150L);
  }

  @Test
  void theRunnersExampleSpecMixesFaultsAtItsRates() {
    S3Faults faults = S3Faults.parse("slow=0.2,slow-by=300ms,slow-down=0.1,reset=0.05,seed=1");
    for (int i = 0; i < 10_000; i++) {
      S3Faults.Decision d = faults.decide(true);
      assertThat(d.delay()).isEqualTo(d.slow() ? Duration.ofMillis(300) : Duration.ZERO);
      assertThat(d.slowDown() && d.reset()).as("a 503 is an answer: nothing left to cut").isFalse();
    }

    assertThat(faults.injected(Kind.SLOW)).isBetween(1800L, 2200L);
    assertThat(faults.injected(Kind.SLOW_DOWN)).isBetween(850L, 1150L);
    assertThat(faults.injected(Kind.RESET_MID_UPLOAD)).isBetween(350L, 600L); // 5% of the 90%
  }

  @Test
  void anUnknownNameOrABadValueIsRefusedNamingTheValidOnes() {
    assertThatThrownBy(() -> S3Faults.parse("slow=0.2,throttle=0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("throttle")
        .hasMessageContaining("slow, slow-by, slow-down, reset, seed");
    assertThatThrownBy(() -> S3Faults.parse("slow-down=2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 0 to 1");
    assertThatThrownBy(() -> S3Faults.parse("slow-by=soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("300ms");
    assertThatThrownBy(() -> S3Faults.parse("reset"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name=value");
    assertThat(S3Faults.parse("").decide(true)).isEqualTo(S3Faults.Decision.NONE);
  }
}
