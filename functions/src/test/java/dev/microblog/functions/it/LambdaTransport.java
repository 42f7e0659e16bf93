package dev.microblog.functions.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.microblog.functions.Functions;
import dev.microblog.functions.it.Browser.Reply;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The functions as AWS runs them: each request becomes the event API Gateway (REST API, payload
 * format 1.0, the template's {@code /api/{proxy+}} resource on stage {@code live}) delivers to the
 * handler the SAM template names, and the handler's answer becomes the response API Gateway sends.
 */
public record LambdaTransport(ApiGatewayProxyRequestEventFunction handler) implements Transport {

  /**
   * The handler the SAM template names ({@link Functions#LAMBDA_HANDLER}), loaded by that name as
   * Lambda's runtime loads it, so a wrong name or a handler for other events fails every test that
   * goes through it.
   */
  static ApiGatewayProxyRequestEventFunction namedHandler(ApplicationContext context) {
    try {
      return Class.forName(Functions.LAMBDA_HANDLER)
          .asSubclass(ApiGatewayProxyRequestEventFunction.class)
          .getConstructor(ApplicationContext.class)
          .newInstance(context);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          Functions.LAMBDA_HANDLER + " is not an API Gateway (payload 1.0) handler", e);
    }
  }

  public static final String HOST = "abc123.execute-api.us-east-1.amazonaws.com";
  public static final String STAGE = "live";
  public static final String SOURCE_IP = "203.0.113.7";

  @Override
  public URI base() {
    return URI.create("https://" + HOST);
  }

  @Override
  public Reply send(HttpRequest request) {
    return reply(handler.handleRequest(event(request), null));
  }

  /** The event for {@code request}, filled in as API Gateway fills it. */
  public static APIGatewayProxyRequestEvent event(HttpRequest request) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    request.headers().map().forEach((name, values) -> multi.put(name, List.copyOf(values)));
    byte[] raw = request.bodyPublisher().map(LambdaTransport::read).orElse(new byte[0]);
    boolean hasBody = raw.length > 0;
    String contentType = request.headers().firstValue("Content-Type").orElse("");
    add(multi, "Host", request.uri().getHost());
    add(multi, "X-Forwarded-For", SOURCE_IP);
    add(multi, "X-Forwarded-Proto", "https");
    add(multi, "X-Forwarded-Port", "443");
    if (hasBody) {
      add(multi, "Content-Length", String.valueOf(raw.length));
    }
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(request.method())
        .withPath(request.uri().getRawPath())
        .withResource("/api/{proxy+}")
        .withPathParameters(proxyParameter(request.uri().getRawPath()))
        .withHeaders(lastValues(multi))
        .withMultiValueHeaders(multi)
        .withQueryStringParameters(lastValues(query(request.uri())))
        .withMultiValueQueryStringParameters(query(request.uri()))
        .withBody(!hasBody ? null : textual(contentType) ? utf8(raw) : base64(raw))
        .withIsBase64Encoded(hasBody && !textual(contentType))
        .withRequestContext(
            new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withHttpMethod(request.method())
                .withPath("/" + STAGE + request.uri().getRawPath())
                .withResourcePath("/api/{proxy+}")
                .withStage(STAGE)
                .withProtocol("HTTP/1.1")
                .withRequestId(UUID.randomUUID().toString())
                .withIdentity(
                    new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp(SOURCE_IP)));
  }

  /**
   * The response as the client sees it. API Gateway merges {@code headers} and {@code
   * multiValueHeaders}; for a name in both, only the multi-value list counts.
   */
  public static Reply reply(APIGatewayProxyResponseEvent response) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
    }
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach((name, values) -> headers.put(name, List.copyOf(values)));
    }
    String body = response.getBody() == null ? "" : response.getBody();
    if (Boolean.TRUE.equals(response.getIsBase64Encoded())) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return new Reply(response.getStatusCode(), HttpHeaders.of(headers, (n, v) -> true), body);
  }

  /** Text bodies arrive as they are; anything else base64-encoded (binary media types). */
  private static boolean textual(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.isEmpty()
        || type.startsWith("text/")
        || type.startsWith("application/x-www-form-urlencoded")
        || type.startsWith("application/json");
  }

  private static Map<String, String> proxyParameter(String path) {
    return path.startsWith("/api/") ? Map.of("proxy", path.substring("/api/".length())) : null;
  }

  private static void add(Map<String, List<String>> headers, String name, String value) {
    if (headers.keySet().stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
      headers.put(name, List.of(value));
    }
  }

  /** API Gateway's single-value maps hold the last value of each name; null when empty. */
  private static Map<String, String> lastValues(Map<String, List<String>> multi) {
    if (multi == null) {
      return null;
    }
    Map<String, String> last = new LinkedHashMap<>();
    multi.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
    return last;
  }

  private static Map<String, List<String>> query(URI uri) {
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The bytes the request would send, read from its publisher. */
  private static byte[] read(Flow.Publisher<ByteBuffer> publisher) {
    var out = new java.io.ByteArrayOutputStream();
    var done = new CompletableFuture<byte[]>();
    publisher.subscribe(
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.writeBytes(chunk);
          }

          @Override
          public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {
            done.complete(out.toByteArray());
          }
        });
    try {
      return done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not read the request body", e);
    }
  }
}
