package dev.microblog.localstack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CDN's second origin: {@code /api/*} forwarded to the functions' server as CloudFront does
 * with an all-viewer origin request policy and caching disabled. Method, path, query, headers
 * (Host, Origin, Cookie…) and body go through; the answer comes back as it is, every Set-Cookie and
 * Location included. Redirects are the browser's business, never followed here.
 */
final class ApiOrigin {
  static {
    // Host is a restricted header for the JDK client unless allowed before its first use.
    if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
      System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "content-length",
          "expect",
          "date");

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private volatile URI origin;
  private volatile boolean hostForwarding = true;

  void routeTo(URI origin) {
    this.origin = origin;
  }

  URI origin() {
    return origin;
  }

  /** The failover origin's answer for a GET the bucket could not serve. */
  record Answer(int status, BucketOrigin.StoredObject object) {}

  /**
   * Asks the API for {@code path} the way CloudFront's origin group does after the bucket answered
   * 404: a plain GET with none of the viewer's headers or cookies (the default behaviour's cache
   * policy forwards none). Empty when the API is not up or does not answer.
   */
  Optional<Answer> failover(String path) {
    URI target = origin;
    if (target == null) {
      return Optional.empty();
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.toString().replaceAll("/$", "") + path))
            .timeout(Duration.ofSeconds(30))
            .header("Via", "1.1 local-cdn (CloudFront stand-in)")
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      var headers = response.headers();
      return Optional.of(
          new Answer(
              response.statusCode(),
              new BucketOrigin.StoredObject(
                  response.body(),
                  headers.firstValue("Content-Type").orElse(null),
                  headers.firstValue("Cache-Control").orElse(null),
                  null,
                  null)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  void forward(HttpExchange exchange) throws IOException {
    URI target = origin;
    if (target == null) {
      Responses.text(exchange, 503, "The API is not up yet.");
      return;
    }
    URI incoming = exchange.getRequestURI();
    URI uri =
        URI.create(
            target.toString().replaceAll("/$", "")
                + incoming.getRawPath()
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    copyRequestHeaders(exchange, request);
    HttpResponse<byte[]> response;
    try {
      response = send(request);
    } catch (IOException e) {
      Responses.text(exchange, 502, "The API did not answer: " + e.getMessage());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Responses.text(exchange, 504, "Interrupted while waiting for the API.");
      return;
    }
    Headers out = exchange.getResponseHeaders();
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))
          && !header.getKey().startsWith(":")) {
        out.put(header.getKey(), List.copyOf(header.getValue()));
      }
    }
    out.set("X-Cache", "Miss from cloudfront");
    Responses.send(exchange, response.statusCode(), response.body());
  }

  private void copyRequestHeaders(HttpExchange exchange, HttpRequest.Builder request) {
    Headers in = exchange.getRequestHeaders();
    for (Map.Entry<String, List<String>> header : in.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name) || (name.equals("host") && !hostForwarding)) {
        continue;
      }
      for (String value : header.getValue()) {
        try {
          request.header(header.getKey(), value);
        } catch (IllegalArgumentException restricted) {
          // The JDK client was loaded before Host could be allowed; X-Forwarded-Host carries it.
          hostForwarding = false;
        }
      }
    }
    String viewer = exchange.getRemoteAddress().getAddress().getHostAddress();
    String forwardedFor = in.getFirst("X-Forwarded-For");
    request.setHeader(
        "X-Forwarded-For", forwardedFor == null ? viewer : forwardedFor + ", " + viewer);
    request.setHeader("X-Forwarded-Proto", "http");
    if (in.getFirst("Host") != null) {
      request.setHeader("X-Forwarded-Host", in.getFirst("Host"));
    }
    request.setHeader("Via", "1.1 local-cdn (CloudFront stand-in)");
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
