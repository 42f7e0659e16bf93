package dev.microblog.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dynalite as a {@link NodeChild}, so no dynalite outlives the JVM that started it. What is
 * dynalite's own: its arguments, a retry when another process takes its port first, a loud line
 * when it ends unexpectedly, and a hint when node is too old for it.
 */
final class DynaliteProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynaliteProcess.class);
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private static final String READY = "Dynalite listening at";

  private final NodeChild child;
  private final URI endpoint;
  private volatile boolean closing;

  private DynaliteProcess(NodeChild child, int port) {
    this.child = child;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /** Once it is up, dynalite ending on its own is worth a loud line: every call will fail. */
  private void watch() {
    child
        .onExit()
        .thenAccept(
            status -> {
              if (!closing) {
                LOG.error("dynalite at {} exited unexpectedly (status {})", endpoint, status);
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
    Path supervisor = nodeModules.toAbsolutePath().getParent().resolve("supervise.js");
    NodeChild.requireFiles("dynalite", supervisor, cli);
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
    return child.processes();
  }

  private static DynaliteProcess launch(
      String node, Path supervisor, Path cli, int port, Path dataDir) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
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
      args.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
    }
    NodeChild.Started<String> started;
    try {
      started =
          NodeChild.start(
              node,
              "dynalite",
              supervisor,
              cli,
              args,
              line -> line.contains(READY) ? line : null,
              STARTUP);
    } catch (NodeChild.StartFailure e) {
      if (e.timedOut()) {
        throw new IOException(
            "dynalite did not listen within "
                + STARTUP.toSeconds()
                + " s. Its output:\n"
                + e.output(),
            e);
      }
      if (e.output().contains("EADDRINUSE")) {
        throw new PortTaken("dynalite could not listen on port " + port + ": port in use");
      }
      throw new IOException(
          "dynalite exited (status "
              + e.exitStatus().getAsInt()
              + ") before listening on port "
              + port
              + nodeVersionHint(node)
              + ". Its output:\n"
              + e.output(),
          e);
    }
    DynaliteProcess dynalite = new DynaliteProcess(started.child(), port);
    dynalite.watch();
    return dynalite;
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

  /** Stops dynalite and its supervisor; its exit is then expected, not worth a loud line. */
  @Override
  public void close() {
    closing = true;
    child.close();
  }
}
