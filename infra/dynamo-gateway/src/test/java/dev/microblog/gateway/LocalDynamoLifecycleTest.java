package dev.microblog.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Starting, stopping, and never leaving a dynalite behind. */
class LocalDynamoLifecycleTest {
  private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

  @Test
  void closeStopsTheGatewayAndLeavesNoProcess() throws Exception {
    LocalDynamo local = TestSupport.startInMemory();
    List<ProcessHandle> processes = local.dynalite().processes();
    try (DynamoDbClient dynamo = TestSupport.dynamo(local)) {
      assertThat(dynamo.listTables().tableNames()).isNotNull();
    }
    assertThat(processes).hasSize(2).allMatch(ProcessHandle::isAlive); // supervisor + dynalite

    local.close();

    assertThat(processes).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void dynaliteDiesWithAKilledJvm() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process jvm =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), LocalDynamoMain.class.getName())
            .redirectErrorStream(true)
            .start();
    List<Long> pids;
    try (BufferedReader out = jvm.inputReader(StandardCharsets.UTF_8)) {
      String line;
      do {
        line = out.readLine();
        assertThat(line).as("the child JVM's output ended before it printed its pids").isNotNull();
      } while (!line.startsWith("pids "));
      pids = Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).toList();
    } finally {
      jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
    }
    assertThat(pids).hasSize(2);

    await()
        .atMost(GONE_WITHIN)
        .until(
            () ->
                pids.stream()
                    .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }

  @Test
  void superviseJsPassesSigtermOnToItsChild() throws Exception {
    Path supervisor = TestSupport.NODE_MODULES.getParent().resolve("supervise.js");
    Process supervised =
        new ProcessBuilder("node", supervisor.toString(), "-e", "setInterval(() => {}, 1000)")
            .start();
    await().atMost(GONE_WITHIN).until(() -> supervised.descendants().findAny().isPresent());
    ProcessHandle child = supervised.descendants().findFirst().orElseThrow();

    supervised.destroy(); // SIGTERM

    assertThat(supervised.waitFor()).isEqualTo(128 + 15);
    await().atMost(GONE_WITHIN).until(() -> !child.isAlive());
  }

  @Test
  void aTakenPortIsAClearError() throws Exception {
    Set<Long> before = descendants();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      IOException error =
          catchThrowableOfType(
              IOException.class,
              () -> LocalDynamo.start(TestSupport.NODE_MODULES, null, taken.getLocalPort()));

      assertThat(error)
          .hasMessageContaining("port already in use")
          .hasMessageContaining(Integer.toString(taken.getLocalPort()));
    }
    await().atMost(GONE_WITHIN).until(() -> descendants().equals(before));
  }

  @Test
  void aMissingNodeIsAClearError() {
    IOException error =
        catchThrowableOfType(
            IOException.class,
            () -> DynaliteProcess.start("no-such-node-binary", TestSupport.NODE_MODULES, null));

    assertThat(error)
        .hasMessageStartingWith("no-such-node-binary not found on PATH: install Node.js ≥ 20");
  }

  @Test
  void aMissingDynaliteIsAClearError(@TempDir Path empty) {
    IOException error =
        catchThrowableOfType(IOException.class, () -> LocalDynamo.start(empty, null, 0));

    assertThat(error).hasMessageContaining("dynalite not found");
  }

  private static Set<Long> descendants() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
