package dev.microblog.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CloudFront stand-in. Readers' requests are answered from the bucket (through an edge cache
 * that honours Cache-Control and invalidations) with the distribution's edge rules, as
 * template.yaml declares them ({@link EdgeRequest}: the language switch, the redirect to the
 * reader's locale, a directory path's {@code index.html}), and a key the bucket does not have is
 * asked of the API origin (CloudFront's origin group fails over on 404), which answers with the
 * not-found page. {@code /api/*} goes to the functions, and their answers, errors included, reach
 * the reader unchanged: the distribution has no custom error responses.
 */
public final class Cdn implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Cdn.class);

  /** An invalidation the generator asked for, as the CloudFront API would have recorded it. */
  public record Invalidation(Instant at, List<String> paths) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final BucketOrigin bucket;
  private final ApiOrigin api = new ApiOrigin();
  private final EdgeCache cache = new EdgeCache(System::nanoTime);
  private final List<Invalidation> invalidations = Collections.synchronizedList(new ArrayList<>());

  private Cdn(HttpServer server, ExecutorService executor, BucketOrigin bucket) {
    this.server = server;
    this.executor = executor;
    this.bucket = bucket;
  }

  /**
   * Starts serving {@code bucket} on {@code port} (0 picks one). Until {@link #routeApiTo} is
   * called, {@code /api/*} answers 503.
   */
  public static Cdn start(int port, S3Client s3, String bucket) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    Cdn cdn = new Cdn(server, executor, new BucketOrigin(s3, bucket));
    server.createContext("/", cdn::handle);
    server.start();
    return cdn;
  }

  /** The site's address, as readers type it. */
  public URI url() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  public void routeApiTo(URI functions) {
    api.routeTo(functions);
  }

  /** Drops the cached copies of these paths ({@code /users/alice/*} matches a prefix). */
  public void invalidate(Collection<String> paths) {
    List<String> copy = List.copyOf(paths);
    invalidations.add(new Invalidation(Instant.now(), copy));
    cache.invalidate(copy);
  }

  public List<Invalidation> invalidations() {
    synchronized (invalidations) {
      return List.copyOf(invalidations);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/api") || path.startsWith("/api/")) {
        api.forward(exchange);
      } else if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.text(exchange, 405, "Only GET and HEAD reach the bucket; forms post to /api/.");
      } else {
        serveFromBucket(exchange, path);
      }
    } catch (RuntimeException e) {
      log.warn("CDN failed on {}", exchange.getRequestURI(), e);
      Responses.text(exchange, 502, "The origin failed: " + e.getMessage());
    } finally {
      exchange.close();
    }
  }

  private void serveFromBucket(HttpExchange exchange, String path) throws IOException {
    if (path.contains("/../") || path.endsWith("/..") || path.contains("//")) {
      Responses.text(exchange, 400, "Bad path.");
      return;
    }
    // The distribution's viewer-request function (SiteRequest in template.yaml), in its Java twin.
    // Plain HTTP here, so the language cookie goes out without Secure.
    var uri = exchange.getRequestURI();
    var request = exchange.getRequestHeaders();
    EdgeRequest.Outcome outcome =
        EdgeRequest.decide(
            uri.getRawPath(),
            uri.getRawQuery(),
            request.getOrDefault("Cookie", List.of()),
            request.getOrDefault("Accept-Language", List.of()),
            false);
    if (outcome instanceof EdgeRequest.Redirect redirect) {
      var headers = exchange.getResponseHeaders();
      headers.set("Location", redirect.location());
      redirect.headers().forEach(headers::set);
      headers.set("Content-Type", "text/plain; charset=utf-8");
      Responses.send(
          exchange,
          redirect.status(),
          ("Moved to " + redirect.location() + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    String key = URI.create(((EdgeRequest.Fetch) outcome).uri()).getPath().substring(1);
    Optional<EdgeCache.Entry> cached = cache.get(path);
    if (cached.isPresent()) {
      long age = (System.nanoTime() - cached.get().storedAtNanos()) / 1_000_000_000L;
      exchange.getResponseHeaders().set("Age", Long.toString(age));
      send(exchange, cached.get().status(), cached.get().object(), "Hit from cloudfront");
      return;
    }
    long generation = cache.generation();
    Optional<BucketOrigin.StoredObject> object = bucket.get(key);
    if (object.isPresent()) {
      cache.put(path, 200, object.get(), generation);
      send(exchange, 200, object.get(), "Miss from cloudfront");
      return;
    }
    // The origin group: a key the bucket does not have (404) is asked of the API origin, whose
    // not-found page answers in the reader's language. API answers are never rewritten.
    Optional<ApiOrigin.Answer> failover = api.failover("/" + key);
    if (failover.isEmpty()) {
      Responses.text(exchange, 502, "The failover origin (the API) did not answer.");
      return;
    }
    ApiOrigin.Answer answer = failover.get();
    cache.put(path, answer.status(), answer.object(), generation);
    send(exchange, answer.status(), answer.object(), "Error from cloudfront");
  }

  private static void send(
      HttpExchange exchange, int status, BucketOrigin.StoredObject object, String cacheStatus)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set(
        "Content-Type",
        object.contentType() == null ? "binary/octet-stream" : object.contentType());
    if (object.cacheControl() != null) {
      headers.set("Cache-Control", object.cacheControl());
    }
    if (object.etag() != null) {
      headers.set("ETag", object.etag());
    }
    headers.set("X-Cache", cacheStatus);
    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (status == 200 && object.etag() != null && matches(ifNoneMatch, object.etag())) {
      Responses.send(exchange, 304, new byte[0]);
      return;
    }
    Responses.send(exchange, status, object.body());
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
