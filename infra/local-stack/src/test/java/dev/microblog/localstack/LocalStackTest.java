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
      assertThat(first.rebuiltOnStart()).as("an empty bucket is built").isTrue();
      SiteClient browser = new SiteClient(first.siteUrl());
      browser.signUp(name, name + "@example.org", "remember me");
      browser.publish("Still here after a restart");
      assertThat(first.awaitPagesCurrent(Duration.ofSeconds(5))).isTrue();
      assertThat(childProcesses()).hasSizeGreaterThan(before.size());
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(childProcesses()).isSubsetOf(before));

    try (LocalStack second = LocalStack.start(onDisk)) {
      assertThat(second.rebuiltOnStart()).as("a bucket left current is not rebuilt").isFalse();
      SiteClient browser = new SiteClient(second.siteUrl());
      browser.logIn(name, "remember me");

      assertThat(EndToEndTest.postsOn(browser, "/users/" + name + "/"))
          .containsExactly("Still here after a restart");
      assertThat(second.store().posts().byAuthor(name, 1, 1)).hasSize(1);
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(childProcesses()).isSubsetOf(before));
  }
}
