package dev.microblog.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Talks to dynalite: passes client requests through, and makes the gateway's own calls. */
final class DynaliteClient implements AutoCloseable {
  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive",
          "te",
          "trailer");

  /** Headers not to hand back to our client: its own server writes these. */
  private static final Set<String> NOT_RETURNED =
      Set.of("content-length", "connection", "transfer-encoding", "keep-alive", "date");

  /** Every call happens under the gateway's lock: a hung dynalite must not hold it forever. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * Calls that change nothing, so sending one twice is harmless. Anything else (including what we
   * do not know) may be a write, and a write that dynalite may have applied is never sent again.
   */
  private static final Set<String> SAFE_TO_REPEAT =
      Set.of(
          "GetItem",
          "BatchGetItem",
          "Query",
          "Scan",
          "DescribeTable",
          "ListTables",
          "DescribeTimeToLive",
          "ListTagsOfResource",
          "DescribeLimits",
          "DescribeEndpoints");

  /**
   * Node's server closes a keep-alive connection after 5 s idle. A write connection idle for less
   * than this is still open on Node's side, so a write never goes out on a stale one.
   */
  static final Duration WRITE_IDLE_LIMIT = Duration.ofSeconds(3);

  private final URI endpoint;
  private final HttpClient http;
  private final Duration writeIdleLimit;
  private final Object writeMonitor = new Object();
  private HttpClient writeHttp;
  private long lastWriteNanos;

  DynaliteClient(URI endpoint) {
    this(endpoint, WRITE_IDLE_LIMIT);
  }

  DynaliteClient(URI endpoint, Duration writeIdleLimit) {
    this.endpoint = endpoint;
    this.writeIdleLimit = writeIdleLimit;
    this.http = newHttpClient();
  }

  // HTTP/1.1 only: the JDK would otherwise offer an h2c upgrade Node's server does not want.
  private static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  URI endpoint() {
    return endpoint;
  }

  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    boolean ok() {
      return status == 200;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    ObjectNode json() throws IOException {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new IOException("dynalite answered with a body that is not a JSON object: " + node);
    }

    /** The short error type ("ConditionalCheckFailedException"), or "" for a success. */
    String errorType() {
      if (ok()) {
        return "";
      }
      try {
        String type = Json.text(json(), "__type");
        return type == null ? "" : type.substring(type.indexOf('#') + 1);
      } catch (IOException e) {
        return "";
      }
    }
  }

  /** Sends a client's request on unchanged (apart from hop-by-hop headers). */
  Response forward(Incoming incoming) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(incoming.pathAndQuery()))
            .timeout(TIMEOUT)
            .method(incoming.method(), HttpRequest.BodyPublishers.ofByteArray(incoming.body()));
    incoming
        .headers()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    String target =
        incoming.headers().entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase("X-Amz-Target"))
            .flatMap(header -> header.getValue().stream())
            .findFirst()
            .orElse("");
    return send(request.build(), target.substring(target.indexOf('.') + 1));
  }

  /** One of the gateway's own calls. dynalite wants signature headers but never checks them. */
  Response call(String operation, JsonNode body) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)))
            .header("Content-Type", Reply.CONTENT_TYPE)
            .header("X-Amz-Target", "DynamoDB_20120810." + operation)
            .header("X-Amz-Date", "20000101T000000Z")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=gateway/20000101/us-east-1/dynamodb/aws4_request,"
                    + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
            .build();
    return send(request, operation);
  }

  /** Like {@link #call} but a refusal becomes a {@link GatewayError} carrying dynalite's answer. */
  ObjectNode callOk(String operation, JsonNode body) throws IOException, GatewayError {
    Response response = call(operation, body);
    if (!response.ok()) {
      throw GatewayError.from(response);
    }
    return response.json();
  }

  /** A consistent read of one item; null when there is none. */
  ObjectNode getItem(String table, JsonNode key) throws IOException, GatewayError {
    ObjectNode request = Json.object().put("TableName", table).put("ConsistentRead", true);
    request.set("Key", key);
    return Json.obj(callOk("GetItem", request), "Item");
  }

  private Response send(HttpRequest request, String operation) throws IOException {
    try {
      if (!SAFE_TO_REPEAT.contains(operation)) {
        return sendWrite(request);
      }
      try {
        return toResponse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
      } catch (HttpTimeoutException e) {
        throw e; // a hung dynalite: asking again would only wait again
      } catch (IOException firstTry) {
        // Node drops idle keep-alive connections after 5 s; the JDK may pick one just as it goes.
        // This call changes nothing, so sending it once more is safe whatever happened.
        try {
          return toResponse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException secondTry) {
          secondTry.addSuppressed(firstTry);
          throw secondTry;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling dynalite", e);
    }
  }

  /**
   * A write goes out once: an I/O error may come after dynalite applied it. To keep it off a
   * connection Node has closed, writes have their own client, one at a time, and it is replaced
   * when its connection may have been idle near Node's limit. Only a failed connect proves the
   * write was not sent, so only that is tried again.
   */
  private Response sendWrite(HttpRequest request) throws IOException, InterruptedException {
    synchronized (writeMonitor) {
      long now = System.nanoTime();
      if (writeHttp == null || now - lastWriteNanos >= writeIdleLimit.toNanos()) {
        if (writeHttp != null) {
          writeHttp.shutdownNow();
        }
        writeHttp = newHttpClient();
      }
      try {
        return toResponse(writeHttp.send(request, HttpResponse.BodyHandlers.ofByteArray()));
      } catch (ConnectException notSent) {
        return toResponse(writeHttp.send(request, HttpResponse.BodyHandlers.ofByteArray()));
      } finally {
        lastWriteNanos = System.nanoTime();
      }
    }
  }

  private static Response toResponse(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":") && !NOT_RETURNED.contains(name.toLowerCase())) {
                headers.put(name, values);
              }
            });
    return new Response(response.statusCode(), headers, response.body());
  }

  @Override
  public void close() {
    http.close();
    synchronized (writeMonitor) {
      if (writeHttp != null) {
        writeHttp.close();
      }
    }
  }
}
