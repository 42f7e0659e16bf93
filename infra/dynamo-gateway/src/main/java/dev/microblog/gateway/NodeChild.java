package dev.microblog.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Node stand-in run as a child that cannot outlive us: {@code node infra/node/supervise.js
 * <script> args…}, with supervise.js's stdin a pipe that this object holds open. When the JVM ends,
 * however it ends (even by SIGKILL), the kernel closes that pipe and supervise.js stops the script.
 * Under {@code /usr/bin/setsid} the child has its own session, so a Ctrl-C in the terminal reaches
 * the JVM, which closes its children in order, instead of killing them under it.
 */
public final class NodeChild implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeChild.class);
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final int KEPT_LINES = 40;
  private static final Duration SHUTDOWN = Duration.ofSeconds(5);
  private static final int COMMAND_NOT_FOUND = 127;

  private final String name;
  private final Process process;
  private final Deque<String> lastLines = new ArrayDeque<>();

  private NodeChild(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** A child that is ready, and the value its ready line gave. */
  public record Started<T>(NodeChild child, T value) {}

  /**
   * Thrown when the child exited, or did not get ready in time, before a line made it ready. The
   * message says which and holds its last output lines; {@link #output()} has them alone.
   */
  public static final class StartFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient OptionalInt exitStatus;
    private final String output;

    private StartFailure(String message, OptionalInt exitStatus, String output) {
      super(message);
      this.exitStatus = exitStatus;
      this.output = output;
    }

    /** Empty when the child was still running at the timeout. */
    public OptionalInt exitStatus() {
      return exitStatus;
    }

    public boolean timedOut() {
      return exitStatus.isEmpty();
    }

    /** Its last output lines, each ending in a newline; empty when there was none. */
    public String output() {
      return output;
    }
  }

  /**
   * Starts {@code node supervise.js <nodeDir>/node_modules/<script> args…} and waits until a line
   * of its output gives {@code ready} a value.
   *
   * @param name for messages, logs and thread names
   * @param nodeDir infra/node: holds supervise.js and node_modules
   * @param script the script's path below node_modules, e.g. {@code dynalite/cli.js}
   * @param ready reads each output line until ready; returns non-null once the child says it is
   * @throws IOException when node, the script or supervise.js is missing (a clear message), or a
   *     {@link StartFailure} when the child exits or is not ready within {@code timeout}
   */
  public static <T> Started<T> start(
      String name,
      Path nodeDir,
      String script,
      List<String> args,
      Function<String, T> ready,
      Duration timeout)
      throws IOException {
    return start(
        "node",
        name,
        nodeDir.resolve("supervise.js"),
        nodeDir.resolve("node_modules").resolve(script),
        args,
        ready,
        timeout);
  }

  /** As the public start, with the node command and both paths given. */
  static <T> Started<T> start(
      String node,
      String name,
      Path supervise,
      Path script,
      List<String> args,
      Function<String, T> ready,
      Duration timeout)
      throws IOException {
    requireFiles(name, supervise, script);
    List<String> command = new ArrayList<>();
    boolean setsid = Files.isExecutable(SETSID);
    if (setsid) {
      // Its own session: a Ctrl-C in the terminal reaches the JVM, which closes us in order,
      // instead of killing the child under it. The stdin pipe still ends it.
      command.add(SETSID.toString());
    }
    command.addAll(List.of(node, supervise.toString(), script.toString()));
    command.addAll(args);
    Process process;
    try {
      // stdin stays a pipe: it is the lifeline.
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException e) {
      throw nodeMissing(node, " (" + e.getMessage() + ")", e);
    }
    NodeChild child = new NodeChild(name, process);
    CompletableFuture<T> readyValue = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name(name + "-output")
        .start(() -> child.readOutput(ready, readyValue));
    try {
      return new Started<>(child, readyValue.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      child.close();
      int status = process.isAlive() ? -1 : process.exitValue();
      if (setsid && status == COMMAND_NOT_FOUND) { // setsid could not run node
        throw nodeMissing(node, "", null);
      }
      String output = child.recentOutput();
      throw new StartFailure(
          name
              + " exited (status "
              + status
              + ") before it was ready. Its last output:\n"
              + orNone(output),
          OptionalInt.of(status),
          output);
    } catch (TimeoutException e) {
      child.close();
      String output = child.recentOutput();
      throw new StartFailure(
          name
              + " was not ready within "
              + timeout.toSeconds()
              + " s. Its last output:\n"
              + orNone(output),
          OptionalInt.empty(),
          output);
    } catch (InterruptedException e) {
      child.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + name, e);
    }
  }

  /** Checks what start needs besides node, with a message that says how to get it. */
  static void requireFiles(String name, Path supervise, Path script) throws IOException {
    Path nodeDir = supervise.toAbsolutePath().getParent();
    if (!Files.isRegularFile(script)) {
      throw new IOException(
          name
              + " not found at "
              + script
              + ": run `npm ci` in "
              + nodeDir
              + " (infra/bin/run does it)");
    }
    if (!Files.isRegularFile(supervise)) {
      throw new IOException("supervise.js not found at " + supervise);
    }
  }

  private static IOException nodeMissing(String node, String detail, IOException cause) {
    return new IOException(node + " not found on PATH: install Node.js ≥ 20" + detail, cause);
  }

  private static String orNone(String output) {
    return output.isEmpty() ? "(no output)" : output;
  }

  /** Reads the child's output: checked for the ready line, the last lines kept, then logged. */
  private <T> void readOutput(Function<String, T> ready, CompletableFuture<T> readyValue) {
    try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = out.readLine()) != null) {
        remember(line);
        if (readyValue.isDone()) {
          LOG.info("{}: {}", name, line);
          continue;
        }
        LOG.debug("{}: {}", name, line);
        T value = ready.apply(line);
        if (value != null) {
          readyValue.complete(value);
        }
      }
    } catch (IOException e) {
      LOG.debug("{}: output closed", name, e);
    }
    readyValue.completeExceptionally(new IOException(name + " exited"));
  }

  private synchronized void remember(String line) {
    lastLines.addLast(line);
    if (lastLines.size() > KEPT_LINES) {
      lastLines.removeFirst();
    }
  }

  private synchronized String recentOutput() {
    StringBuilder text = new StringBuilder();
    lastLines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /** supervise.js's process id. */
  public long pid() {
    return process.pid();
  }

  /** supervise.js and the processes below it, for tests that check nothing is left behind. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.descendants().forEach(all::add);
    return all;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with supervise.js's exit status, which is its child's. */
  public CompletableFuture<Integer> onExit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /** Closes the lifeline (supervise.js then stops its child), then makes sure of both. */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().toList();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      LOG.debug("{}: lifeline already closed", name, e);
    }
    try {
      if (!process.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
      }
      for (ProcessHandle child : descendants) {
        if (child.isAlive()) {
          child.destroyForcibly();
        }
        child.onExit().get(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      descendants.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{} did not stop in time", name, e);
    }
  }
}
