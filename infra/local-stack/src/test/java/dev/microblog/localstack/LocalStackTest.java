package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the whole stack with its data on disk. */
class LocalStackTest {

  static Set<Long> childProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  @Test
  void aRestartKeepsUsersPostsAndPagesAndNoProcessOutlivesTheStack(@TempDir Path data)
      throws Exception {
    Set<Long> before = childProcesses();
    Options onDisk = new Options(Repo.root(), data, false, 0, false);
    String name = Names.unique("kept");

    try (LocalStack first = LocalStack.start(onDisk)) {
      assertThat(first.repairedOnStart()).as("an empty bucket is built").isTrue();
      SiteClient browser = new SiteClient(first.siteUrl());
      browser.signUp(name, name + "@example.org", "remember me");
      browser.publish("Still here after a restart");
      assertThat(first.awaitPagesCurrent(Duration.ofSeconds(5))).isTrue();
      assertThat(childProcesses()).hasSizeGreaterThan(before.size());
    }
    try (LocalStack second = LocalStack.start(onDisk)) {
      assertThat(second.repairedOnStart()).as("a bucket left current is left alone").isFalse();
      // Behind the generator's back (no stream record tells it), a page is lost, another goes
      // stale.
      second
          .s3Client()
          .deleteObject(
              b -> b.bucket(LocalStack.BUCKET).key("en/users/" + name + "/posts/1/index.html"));
      second
          .s3Client()
          .putObject(
              b -> b.bucket(LocalStack.BUCKET).key("en/index.html"),
              software.amazon.awssdk.core.sync.RequestBody.fromString("stale"));
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(childProcesses()).isSubsetOf(before));

    try (LocalStack third = LocalStack.start(onDisk)) {
      assertThat(third.repairedOnStart()).as("the lost and the stale page are rewritten").isTrue();
      assertThat(
              third
                  .s3Client()
                  .getObjectAsBytes(b -> b.bucket(LocalStack.BUCKET).key("en/index.html"))
                  .asUtf8String())
          .contains("Still here after a restart");
      SiteClient browser = new SiteClient(third.siteUrl());
      browser.logIn(name, "remember me");

      assertThat(EndToEndTest.postsOn(browser, "/en/users/" + name + "/"))
          .containsExactly("Still here after a restart");
      assertThat(EndToEndTest.postsOn(browser, "/en/users/" + name + "/posts/1/"))
          .containsExactly("Still here after a restart");
      assertThat(third.store().posts().byAuthor(name, 1, 1)).hasSize(1);
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(childProcesses()).isSubsetOf(before));
  }
}
