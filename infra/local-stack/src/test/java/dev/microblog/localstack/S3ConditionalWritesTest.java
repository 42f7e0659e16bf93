package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The stand-in answers conditional writes as S3 does (If-Match / If-None-Match on PutObject,
 * If-Match on DeleteObject): a failed precondition is a 412 with the code PreconditionFailed and
 * nothing changes. The generator's safety against racing renders rests on these answers, so the
 * stand-in must be no kinder than S3, in memory and on disk.
 */
class S3ConditionalWritesTest {
  static final List<S3Server> servers = new ArrayList<>();
  static S3Client memory;
  static S3Client disk;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    servers.add(S3Server.start(null, 0, "site"));
    servers.add(S3Server.start(dir, 0, "site"));
    memory = servers.get(0).client();
    disk = servers.get(1).client();
  }

  @AfterAll
  static void stop() throws Exception {
    for (S3Server s : servers) {
      s.close();
    }
  }

  static List<S3Client> both() {
    return List.of(memory, disk);
  }

  static String put(S3Client s3, String key, String body) {
    return s3.putObject(b -> b.bucket("site").key(key), RequestBody.fromString(body)).eTag();
  }

  static String body(S3Client s3, String key) {
    return s3.getObjectAsBytes(b -> b.bucket("site").key(key)).asUtf8String();
  }

  static void assertPreconditionFailed(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(412);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
            });
  }

  @Test
  void if_none_match_creates_only_what_is_absent() {
    for (S3Client s3 : both()) {
      String etag =
          s3.putObject(
                  b -> b.bucket("site").key("create.html").ifNoneMatch("*"),
                  RequestBody.fromString("first"))
              .eTag();
      assertThat(etag).isNotBlank();

      assertPreconditionFailed(
          () ->
              s3.putObject(
                  b -> b.bucket("site").key("create.html").ifNoneMatch("*"),
                  RequestBody.fromString("second")));
      assertThat(body(s3, "create.html")).isEqualTo("first");
    }
  }

  @Test
  void if_match_replaces_only_the_version_that_was_read() {
    for (S3Client s3 : both()) {
      String read = put(s3, "replace.html", "v1");
      String other = put(s3, "replace.html", "v2"); // another writer got there first

      assertPreconditionFailed(
          () ->
              s3.putObject(
                  b -> b.bucket("site").key("replace.html").ifMatch(read),
                  RequestBody.fromString("v3")));
      assertThat(body(s3, "replace.html")).isEqualTo("v2");

      s3.putObject(
          b -> b.bucket("site").key("replace.html").ifMatch(other), RequestBody.fromString("v3"));
      assertThat(body(s3, "replace.html")).isEqualTo("v3");
    }
  }

  /** S3 answers If-Match on a key with no object 404 NoSuchKey, not 412. */
  @Test
  void if_match_on_an_absent_object_fails() {
    for (S3Client s3 : both()) {
      String etag = put(s3, "gone.html", "v1");
      s3.deleteObject(b -> b.bucket("site").key("gone.html"));

      assertThatThrownBy(
              () ->
                  s3.putObject(
                      b -> b.bucket("site").key("gone.html").ifMatch(etag),
                      RequestBody.fromString("v2")))
          .isInstanceOf(NoSuchKeyException.class);
      assertThat(servers.get(both().indexOf(s3)).hasObject("gone.html")).isFalse();
    }
  }

  @Test
  void if_match_deletes_only_the_version_that_was_read() {
    for (S3Client s3 : both()) {
      String read = put(s3, "delete.html", "v1");
      String other = put(s3, "delete.html", "v2");

      assertPreconditionFailed(
          () -> s3.deleteObject(b -> b.bucket("site").key("delete.html").ifMatch(read)));
      assertThat(body(s3, "delete.html")).isEqualTo("v2");

      s3.deleteObject(b -> b.bucket("site").key("delete.html").ifMatch(other));
      assertThat(servers.get(both().indexOf(s3)).hasObject("delete.html")).isFalse();
    }
  }

  /**
   * S3 checks the condition and writes in one step: of writers racing to replace the same version,
   * exactly one wins and every other one is told it lost.
   */
  @Test
  void of_racing_conditional_writes_exactly_one_wins() throws Exception {
    for (S3Client s3 : both()) {
      for (int round = 0; round < 10; round++) {
        String read = put(s3, "contended.html", "start " + round);
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
          for (int w = 0; w < writers; w++) {
            String body = "writer " + w + " round " + round;
            outcomes.add(
                pool.submit(
                    () -> {
                      go.await();
                      try {
                        s3.putObject(
                            b -> b.bucket("site").key("contended.html").ifMatch(read),
                            RequestBody.fromString(body));
                        return true;
                      } catch (S3Exception e) {
                        assertThat(e.statusCode()).isIn(412, 409);
                        return false;
                      }
                    }));
          }
          go.countDown();
          long winners = 0;
          for (Future<Boolean> outcome : outcomes) {
            winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
          }
          assertThat(winners).as("round %d", round).isEqualTo(1);
        }
      }
    }
  }
}
