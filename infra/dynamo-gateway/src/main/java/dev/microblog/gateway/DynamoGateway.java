package dev.microblog.gateway;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server in front of dynalite that adds what it lacks: transactions, TTL and Streams. Every
 * other DynamoDB call passes through unchanged.
 *
 * <p>All writes run one at a time under a write lock, and reads take the read lock, so nobody sees
 * half a transaction and each write's old and new images bracket exactly that write.
 */
public final class DynamoGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoGateway.class);
  private static final String DYNAMODB = "DynamoDB_20120810";
  private static final String STREAMS = "DynamoDBStreams_20120810";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  // Fair, so a steady flow of reads cannot keep a writer waiting for ever.
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final DynaliteClient dynalite;
  private final RecordedWrites writes;
  private final TransactionExecutor transactions;
  private final TableAdmin admin;
  private final StreamsApi streamsApi;
  private final TtlSweeper sweeper;
  private final AtomicBoolean closed = new AtomicBoolean();

  private interface Call {
    Reply run() throws IOException, GatewayError;
  }

  private DynamoGateway(URI dynaliteEndpoint, Path stateDir, int port, int streamCap)
      throws IOException {
    GatewayState state = GatewayState.load(stateDir);
    dynalite = new DynaliteClient(dynaliteEndpoint);
    KeySchemas keySchemas = new KeySchemas(dynalite);
    StreamStore streams = new StreamStore(state, streamCap);
    writes = new RecordedWrites(dynalite, keySchemas, state, streams);
    transactions = new TransactionExecutor(dynalite, keySchemas, streams);
    admin = new TableAdmin(dynalite, keySchemas, state, streams);
    streamsApi = new StreamsApi(streams, keySchemas);
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

  private Reply route(HttpExchange exchange) throws IOException, GatewayError {
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
      default -> locked(read, () -> Reply.of(dynalite.forward(incoming)));
    };
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
