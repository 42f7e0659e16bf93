package dev.microblog.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * dynalite child process + the gateway in front of it; close() stops both and leaves no process.
 */
public final class LocalDynamo implements AutoCloseable {
  private final DynaliteProcess dynalite;
  private final DynamoGateway gateway;

  private LocalDynamo(DynaliteProcess dynalite, DynamoGateway gateway) {
    this.dynalite = dynalite;
    this.gateway = gateway;
  }

  /**
   * Starts dynalite and the gateway, and returns once both answer.
   *
   * @param nodeModules the directory containing dynalite/ (infra/node/node_modules)
   * @param dataDir null keeps everything in memory; otherwise dynalite keeps its data in
   *     dataDir/dynalite and the gateway its stream and TTL settings in dataDir
   * @param port the gateway's port on 127.0.0.1; 0 picks any free port
   * @throws IOException when node or dynalite is missing, or a port is taken
   */
  public static LocalDynamo start(Path nodeModules, Path dataDir, int port) throws IOException {
    DynaliteProcess dynalite =
        DynaliteProcess.start(nodeModules, dataDir == null ? null : dataDir.resolve("dynalite"));
    try {
      return new LocalDynamo(dynalite, DynamoGateway.start(dynalite.endpoint(), dataDir, port));
    } catch (IOException | RuntimeException e) {
      dynalite.close();
      throw e;
    }
  }

  /**
   * An in-memory instance on a free port, with dynalite from the repository's {@code
   * infra/node/node_modules} above the working directory: what every module's tests use.
   */
  public static LocalDynamo startInMemory() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path nodeModules = dir.resolve("infra/node/node_modules");
      if (Files.isDirectory(nodeModules.resolve("dynalite"))) {
        return start(nodeModules, null, 0);
      }
    }
    throw new IOException(
        "infra/node/node_modules/dynalite not found above " + here + ": run npm ci in infra/node");
  }

  /** http://127.0.0.1:port, for DynamoDbClient and DynamoDbStreamsClient endpointOverride. */
  public URI endpoint() {
    return gateway.endpoint();
  }

  /**
   * dynalite itself, behind the gateway: for loading benchmark data in bulk while nobody reads the
   * stream. A write sent here skips everything the gateway adds: no stream record, no {@link
   * #onWrite} listener, no faults, and no write lock (so nothing else may write meanwhile). Through
   * the gateway, each item of a BatchWriteItem costs a read before and after it under the lock
   * (about three times the time of the write alone).
   */
  public URI unrecordedEndpoint() {
    return dynalite.endpoint();
  }

  /**
   * The faults the gateway injects (throttling, conflicts, resets, …); all off until switched on.
   */
  public Faults faults() {
    return gateway.faults();
  }

  /**
   * Drops every stream record written so far, as 24 hours of retention would, so that a position
   * before now reads as trimmed.
   */
  public void trimStreams() {
    gateway.trimStreams();
  }

  /**
   * {@code listener} hears of every item write applied from now on, as DynamoDB would bill it
   * (benchmarks count write units with it). It runs under the gateway's write lock: keep it short.
   */
  public void onWrite(Consumer<AppliedWrite> listener) {
    gateway.onWrite(listener);
  }

  DynamoGateway gateway() {
    return gateway;
  }

  /** Deletes items whose TTL has passed now, instead of within the next second. */
  public void sweepExpiredNow() {
    gateway.sweepExpiredNow();
  }

  DynaliteProcess dynalite() {
    return dynalite;
  }

  @Override
  public void close() {
    try {
      gateway.close();
    } finally {
      dynalite.close();
    }
  }
}
