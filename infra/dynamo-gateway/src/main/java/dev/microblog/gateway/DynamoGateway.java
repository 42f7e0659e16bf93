package dev.microblog.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server in front of dynalite that adds what it lacks: transactions, TTL and Streams. Every
 * other DynamoDB call passes through unchanged. On demand it also misbehaves as DynamoDB does
 * ({@link Faults}).
 *
 * <p>All writes run one at a time under a write lock, and reads take the read lock, so nobody sees
 * half a transaction and each write's old and new images bracket exactly that write.
 */
public final class DynamoGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoGateway.class);
  private static final String DYNAMODB = "DynamoDB_20120810";
  private static final String STREAMS = "DynamoDBStreams_20120810";

  /** The calls DynamoDB can throttle: every data-plane read and write. */
  private static final Set<String> DATA_PLANE =
      Set.of(
          "GetItem",
          "PutItem",
          "UpdateItem",
          "DeleteItem",
          "Query",
          "Scan",
          "BatchGetItem",
          "BatchWriteItem",
          "TransactGetItems",
          "TransactWriteItems");

  /** The writes a connection reset can follow. */
  private static final Set<String> WRITES =
      Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  // Fair, so a steady flow of reads cannot keep a writer waiting for ever.
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final DynaliteClient dynalite;
  private final Faults faults = new Faults();
  private final StreamStore streams;
  private final IndexLag indexLag;
  private final RecordedWrites writes;
  private final TransactionExecutor transactions;
  private final TableAdmin admin;
  private final StreamsApi streamsApi;
  private final TtlSweeper sweeper;
  private final AtomicBoolean closed = new AtomicBoolean();

  private interface Call {
    Reply run() throws IOException, GatewayError;
  }

  /** RESET_AFTER_WRITE: the write happened, and its answer is never sent. */
  private static final class DroppedConnection extends Exception {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super("connection dropped after the write", null, false, false);
    }
  }

  private DynamoGateway(URI dynaliteEndpoint, Path stateDir, int port, int streamCap)
      throws IOException {
    GatewayState state = GatewayState.load(stateDir);
    dynalite = new DynaliteClient(dynaliteEndpoint);
    KeySchemas keySchemas = new KeySchemas(dynalite);
    indexLag = new IndexLag(faults, keySchemas, dynalite);
    streams = new StreamStore(state, streamCap, indexLag);
    writes = new RecordedWrites(dynalite, keySchemas, streams);
    transactions = new TransactionExecutor(dynalite, keySchemas, streams, faults);
    admin = new TableAdmin(dynalite, keySchemas, state, streams);
    streamsApi = new StreamsApi(streams, keySchemas, faults);
    sweeper = new TtlSweeper(dynalite, state, keySchemas, streams, lock.writeLock());
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      sweeper.close();
      dynalite.close();
      throw new IOException(
          "the DynamoDB gateway cannot listen on 127.0.0.1:" + port + ": port already in use", e);
    } catch (IOException e) {
      sweeper.close();
      dynalite.close();
      throw e;
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    sweeper.start();
  }

  /**
   * Starts a gateway in front of a running dynalite.
   *
   * @param dynalite dynalite's endpoint, e.g. http://127.0.0.1:4567
   * @param stateDir where stream and TTL settings are kept; null keeps them in memory only
   * @param port the port to listen on (127.0.0.1), 0 for any free port
   */
  public static DynamoGateway start(URI dynalite, Path stateDir, int port) throws IOException {
    return new DynamoGateway(dynalite, stateDir, port, StreamLog.DEFAULT_CAP);
  }

  /** As {@link #start(URI, Path, int)}, keeping at most streamCap records per stream. */
  static DynamoGateway start(URI dynalite, Path stateDir, int port, int streamCap)
      throws IOException {
    return new DynamoGateway(dynalite, stateDir, port, streamCap);
  }

  /** http://127.0.0.1:port, for both DynamoDbClient and DynamoDbStreamsClient. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The faults this gateway injects; all off until switched on. */
  public Faults faults() {
    return faults;
  }

  /**
   * Drops every stream record written so far, as 24 hours of retention would: a position before now
   * reads as trimmed (TrimmedDataAccessException), and TRIM_HORIZON starts after it.
   */
  public void trimStreams() {
    streams.trimAll();
  }

  /** For tests: how long a shard iterator stays good (15 minutes, as in AWS). */
  void iteratorLifetime(Duration lifetime) {
    streamsApi.iteratorLifetime(lifetime);
  }

  void onWrite(Consumer<AppliedWrite> listener) {
    streams.onWrite(listener);
  }

  /** Deletes expired items now instead of within the next second. */
  public void sweepExpiredNow() {
    try {
      sweeper.sweepNow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    sweeper.close();
    server.stop(0);
    executor.shutdownNow();
    dynalite.close();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      Reply reply;
      try {
        reply = route(exchange);
      } catch (DroppedConnection e) {
        return; // closing an exchange that sent no headers closes the connection: no answer
      } catch (GatewayError e) {
        reply = e.reply();
      } catch (IOException | RuntimeException e) {
        LOG.error("request failed", e);
        reply =
            GatewayError.of(
                    500,
                    "com.amazonaws.dynamodb.v20120810#InternalServerError",
                    "DynamoDB gateway: " + e)
                .reply();
      }
      send(exchange, reply);
    } catch (IOException e) {
      LOG.debug("could not answer a client that went away", e);
    }
  }

  private Reply route(HttpExchange exchange) throws IOException, GatewayError, DroppedConnection {
    URI uri = exchange.getRequestURI();
    Incoming incoming =
        new Incoming(
            exchange.getRequestMethod(),
            uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
            exchange.getRequestHeaders(),
            exchange.getRequestBody().readAllBytes());
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    int dot = target == null ? -1 : target.indexOf('.');
    String service = dot < 0 ? "" : target.substring(0, dot);
    String operation = dot < 0 ? "" : target.substring(dot + 1);
    if (service.equals(STREAMS)) {
      return streamsApi.handle(operation, Json.parseObject(incoming.body()));
    }
    if (!service.equals(DYNAMODB)) {
      return Reply.of(dynalite.forward(incoming)); // dynalite's answer to whatever this is
    }
    if (DATA_PLANE.contains(operation) && faults.fires(Faults.Kind.THROTTLING, operation)) {
      throw GatewayError.dynamodb(
          "ProvisionedThroughputExceededException",
          "The level of configured provisioned throughput for the table was exceeded."
              + " Consider increasing your provisioning level with the UpdateTable API.");
    }
    Reply reply = dynamodb(operation, incoming);
    if (WRITES.contains(operation)
        && reply.status() == 200
        && faults.fires(Faults.Kind.RESET_AFTER_WRITE, operation)) {
      throw new DroppedConnection();
    }
    return reply;
  }

  private Reply dynamodb(String operation, Incoming incoming) throws IOException, GatewayError {
    Lock write = lock.writeLock();
    Lock read = lock.readLock();
    return switch (operation) {
      case "PutItem", "UpdateItem", "DeleteItem" ->
          locked(write, () -> writes.single(operation, incoming));
      case "BatchWriteItem" -> locked(write, () -> writes.batch(incoming));
      case "TransactWriteItems" -> {
        var request = Json.parseObject(incoming.body());
        yield locked(write, () -> transactions.write(request));
      }
      case "TransactGetItems" -> {
        var request = Json.parseObject(incoming.body());
        yield locked(read, () -> transactions.get(request));
      }
      case "CreateTable" -> locked(write, () -> admin.createTable(incoming));
      case "UpdateTable" -> locked(write, () -> admin.updateTable(incoming));
      case "DeleteTable" -> locked(write, () -> admin.deleteTable(incoming));
      case "DescribeTable" -> admin.describeTable(incoming);
      case "UpdateTimeToLive" -> {
        var request = Json.parseObject(incoming.body());
        yield locked(write, () -> admin.updateTimeToLive(request));
      }
      case "DescribeTimeToLive" -> admin.describeTimeToLive(Json.parseObject(incoming.body()));
      case "Query", "Scan" -> locked(read, () -> query(operation, incoming));
      default -> locked(read, () -> Reply.of(dynalite.forward(incoming)));
    };
  }

  /** A Query or Scan, lagged when it reads an index and the lagging index fault is on. */
  private Reply query(String operation, Incoming incoming) throws IOException {
    DynaliteClient.Response response = dynalite.forward(incoming);
    if (!indexLag.tracking()) {
      return Reply.of(response);
    }
    ObjectNode request;
    try {
      request = Json.parseObject(incoming.body());
    } catch (GatewayError e) {
      return Reply.of(response);
    }
    return indexLag.read(operation, request, response);
  }

  private static Reply locked(Lock lock, Call call) throws IOException, GatewayError {
    lock.lock();
    try {
      return call.run();
    } finally {
      lock.unlock();
    }
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
      exchange.getResponseHeaders().put(header.getKey(), header.getValue());
    }
    byte[] body = reply.body();
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
