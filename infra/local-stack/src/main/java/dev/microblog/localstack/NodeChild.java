package dev.microblog.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Node server run through {@code infra/node/supervise.js}. We hold supervise.js's stdin open for
 * as long as we live; when this JVM ends, however it ends, the kernel closes that pipe and
 * supervise.js stops the server, so no server outlives the stack.
 */
final class NodeChild implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeChild.class);
  private static final int KEPT_LINES = 40;
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final Process process;
  private final Deque<String> lastLines = new ArrayDeque<>();

  private NodeChild(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /**
   * Starts {@code node supervise.js <script> args…} and waits until a line of its output gives
   * {@code ready} a value.
   *
   * @param nodeDir infra/node: holds supervise.js and node_modules
   * @param ready reads one output line; returns non-null once the server says it listens
   */
  static <T> Started<T> start(
      String name,
      Path nodeDir,
      String script,
      List<String> args,
      Function<String, T> ready,
      Duration timeout)
      throws IOException {
    Path supervise = nodeDir.resolve("supervise.js");
    Path scriptPath = nodeDir.resolve("node_modules").resolve(script);
    if (!Files.isRegularFile(scriptPath)) {
      throw new IOException(
          scriptPath + " is missing: run `npm ci` in " + nodeDir + " (infra/bin/run does it)");
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      // Its own session: a Ctrl-C in the terminal reaches the JVM, which stops the stack in
      // order, instead of killing the server under it. The stdin pipe still ends it.
      command.add(SETSID.toString());
    }
    command.addAll(List.of("node", supervise.toString()));
    command.add(scriptPath.toString());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    NodeChild child = new NodeChild(name, process);
    CompletableFuture<T> readyValue = new CompletableFuture<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .name(name + "-output")
            .start(() -> child.readOutput(ready, readyValue));
    try {
      T value = readyValue.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Started<>(child, value);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      child.close();
      reader.interrupt();
      throw new IOException(name + " did not start: " + child.recentOutput(), e);
    } catch (InterruptedException e) {
      child.close();
      Thread.currentThread().interrupt();
      throw new IOException(name + " start interrupted", e);
    }
  }

  record Started<T>(NodeChild child, T value) {}

  private <T> void readOutput(Function<String, T> ready, CompletableFuture<T> readyValue) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        remember(line);
        log.debug("{}: {}", name, line);
        if (!readyValue.isDone()) {
          T value = ready.apply(line);
          if (value != null) {
            readyValue.complete(value);
          }
        }
      }
    } catch (IOException e) {
      log.debug("{}: output closed", name, e);
    }
    readyValue.completeExceptionally(new IOException(name + " exited with status " + exitStatus()));
  }

  private synchronized void remember(String line) {
    lastLines.addLast(line);
    if (lastLines.size() > KEPT_LINES) {
      lastLines.removeFirst();
    }
  }

  synchronized String recentOutput() {
    return lastLines.isEmpty() ? "(no output)" : "\n" + String.join("\n", lastLines);
  }

  private String exitStatus() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Closes the pipe (supervise.js then stops the server) and waits for the exit. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already closed: the process is going away anyway
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
