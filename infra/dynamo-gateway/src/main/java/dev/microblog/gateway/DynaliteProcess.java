package dev.microblog.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite as a child process, started through infra/node/supervise.js with its stdin a pipe that
 * this object holds open: when the JVM dies, even by SIGKILL, the kernel closes the pipe and the
 * supervisor stops dynalite. So no dynalite outlives the JVM that started it.
 */
final class DynaliteProcess implements AutoCloseable {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private static final Logger LOG = LoggerFactory.getLogger(DynaliteProcess.class);
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final Duration SHUTDOWN = Duration.ofSeconds(5);
  private static final String READY = "Dynalite listening at";

  private final Process process;
  private final OutputStream lifeline;
  private final URI endpoint;
  private volatile boolean closing;

  private DynaliteProcess(Process process, int port) {
    this.process = process;
    this.lifeline = process.getOutputStream();
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /** Once it is up, dynalite ending on its own is worth a loud line: every call will fail. */
  private void watch() {
    process
        .onExit()
        .thenAccept(
            ended -> {
              if (!closing) {
                LOG.error(
                    "dynalite at {} exited unexpectedly (status {})", endpoint, ended.exitValue());
              }
            });
  }

  /** Thrown when another process took the port we picked before dynalite could bind it. */
  private static final class PortTaken extends IOException {
    private static final long serialVersionUID = 1L;

    PortTaken(String message) {
      super(message);
    }
  }

  /**
   * Starts dynalite and waits until it listens.
   *
   * @param nodeModules the directory holding dynalite/; supervise.js is expected next to it
   * @param dataDir dynalite's LevelDB directory, or null to keep data in memory
   */
  static DynaliteProcess start(Path nodeModules, Path dataDir) throws IOException {
    return start("node", nodeModules, dataDir);
  }

  static DynaliteProcess start(String node, Path nodeModules, Path dataDir) throws IOException {
    Path cli = nodeModules.resolve("dynalite").resolve("cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IOException("dynalite not found at " + cli + ": run `npm ci` in infra/node");
    }
    Path supervisor = nodeModules.toAbsolutePath().getParent().resolve("supervise.js");
    if (!Files.isRegularFile(supervisor)) {
      throw new IOException(
          "supervise.js not found next to " + nodeModules + " (" + supervisor + ")");
    }
    if (dataDir != null) {
      Files.createDirectories(dataDir);
    }
    PortTaken lastClash = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return launch(node, supervisor, cli, freePort(), dataDir);
      } catch (PortTaken e) {
        lastClash = e; // someone took the free port we found before dynalite bound it: retry
      }
    }
    throw lastClash;
  }

  URI endpoint() {
    return endpoint;
  }

  /** The supervisor and dynalite below it, for tests that check nothing is left behind. */
  List<ProcessHandle> processes() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.descendants().forEach(all::add);
    return all;
  }

  private static DynaliteProcess launch(
      String node, Path supervisor, Path cli, int port, Path dataDir) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      // Its own session: a Ctrl-C in the terminal reaches the JVM, which closes us in order,
      // instead of killing dynalite under a running gateway. The stdin pipe still ends it.
      command.add(SETSID.toString());
    }
    command.addAll(
        List.of(
            node,
            supervisor.toString(),
            cli.toString(),
            "--port",
            Integer.toString(port),
            "--host",
            "127.0.0.1",
            "--createTableMs",
            "0",
            "--deleteTableMs",
            "0",
            "--updateTableMs",
            "0"));
    if (dataDir != null) {
      command.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
    }
    Process process;
    try {
      // stdin stays the default pipe: it is the lifeline.
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(
          node + " not found on PATH: install Node.js ≥ 20 (" + e.getMessage() + ")", e);
    }
    StringBuilder output = new StringBuilder();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("dynalite-output-" + port)
        .start(() -> pump(process, output, ready));
    DynaliteProcess dynalite = new DynaliteProcess(process, port);
    try {
      ready.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
      dynalite.watch();
      return dynalite;
    } catch (ExecutionException e) {
      dynalite.close();
      String text = snapshot(output);
      if (text.contains("EADDRINUSE")) {
        throw new PortTaken("dynalite could not listen on port " + port + ": port in use");
      }
      if (process.exitValue() == 127) { // setsid could not run node
        throw new IOException(node + " not found on PATH: install Node.js ≥ 20");
      }
      throw new IOException(
          "dynalite exited (status "
              + process.exitValue()
              + ") before listening on port "
              + port
              + nodeVersionHint(node)
              + ". Its output:\n"
              + text);
    } catch (TimeoutException e) {
      dynalite.close();
      throw new IOException(
          "dynalite did not listen within "
              + STARTUP.toSeconds()
              + " s. Its output:\n"
              + snapshot(output));
    } catch (InterruptedException e) {
      dynalite.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting dynalite", e);
    }
  }

  /** Reads dynalite's output: kept until it is ready (for error messages), logged after. */
  private static void pump(Process process, StringBuilder output, CompletableFuture<Void> ready) {
    try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (ready.isDone()) {
          LOG.info("dynalite: {}", line);
          continue;
        }
        synchronized (output) {
          output.append(line).append('\n');
        }
        if (line.contains(READY)) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      LOG.debug("dynalite output closed", e);
    }
    ready.completeExceptionally(new IOException("dynalite exited"));
  }

  private static String snapshot(StringBuilder output) {
    synchronized (output) {
      return output.toString();
    }
  }

  /** Only asked after a failure, so a normal start does not pay for another node process. */
  private static String nodeVersionHint(String node) {
    try {
      Process version = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
      String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      version.waitFor(5, TimeUnit.SECONDS);
      String trimmed = text.trim();
      int major = Integer.parseInt(trimmed.replaceFirst("^v(\\d+).*", "$1"));
      return major < 20 ? " (node is " + trimmed + "; dynalite needs Node.js ≥ 20)" : "";
    } catch (IOException | RuntimeException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Closes the lifeline (the supervisor then stops dynalite), then makes sure of both. */
  @Override
  public void close() {
    closing = true;
    List<ProcessHandle> descendants = process.descendants().toList();
    try {
      lifeline.close();
    } catch (IOException e) {
      LOG.debug("lifeline already closed", e);
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
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("dynalite did not stop in time", e);
    }
  }
}
