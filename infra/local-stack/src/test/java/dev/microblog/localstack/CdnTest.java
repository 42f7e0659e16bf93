package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The CloudFront stand-in's edge rules, over a real S3Proxy bucket. */
class CdnTest {
  private static final String PAGE_CACHE = "public, max-age=0, s-maxage=31536000";

  static S3Server s3;
  static S3Client client;
  static Cdn cdn;
  static HttpServer functions;
  static final AtomicReference<Seen> seen = new AtomicReference<>();
  static final List<Seen> failovers = new CopyOnWriteArrayList<>();
  static final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  record Seen(String method, String uri, String body, String cookie, String origin, String host) {}

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start(null, 0, "site");
    client = s3.client();
    cdn = Cdn.start(0, client, "site");
    functions = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    functions.createContext("/", CdnTest::functions);
    functions.start();
    cdn.routeApiTo(URI.create("http://127.0.0.1:" + functions.getAddress().getPort()));
    put("en/index.html", "<h1>explore</h1>", "text/html; charset=utf-8", PAGE_CACHE);
    put("en/users/alice/index.html", "<h1>alice</h1>", "text/html; charset=utf-8", PAGE_CACHE);
    put("es/users/alice/index.html", "<h1>alicia</h1>", "text/html; charset=utf-8", PAGE_CACHE);
    put("en/users/alice/following.json", "[\"bob\"]", "application/json", "no-cache");
  }

  /**
   * The API origin: answers like the functions do. Unknown paths (the failover GETs for bucket
   * misses) get the not-found page; two API paths answer the errors CloudFront must not rewrite.
   */
  private static void functions(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      var h = exchange.getRequestHeaders();
      var out = exchange.getResponseHeaders();
      if (!path.startsWith("/api/")) {
        failovers.add(
            new Seen(exchange.getRequestMethod(), path, "", h.getFirst("Cookie"), null, null));
        reply(exchange, 404, "<h1>not found, from the API</h1>", "public, max-age=0, s-maxage=5");
        return;
      }
      if (path.equals("/api/follow/nobody")) {
        reply(exchange, 404, "<p>No user called nobody.</p>", "no-store");
        return;
      }
      if (path.equals("/api/refused")) {
        reply(exchange, 403, "<p>Forms from other sites are refused.</p>", "no-store");
        return;
      }
      seen.set(
          new Seen(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
              h.getFirst("Cookie"),
              h.getFirst("Origin"),
              h.getFirst("Host")));
      out.add("Set-Cookie", "mb_session=abc; Path=/; HttpOnly");
      out.add("Set-Cookie", "mb_user=alice; Path=/");
      out.add("Location", "/users/alice/home/#logged-in");
      exchange.sendResponseHeaders(303, -1);
    }
  }

  private static void reply(HttpExchange exchange, int status, String html, String cacheControl)
      throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", cacheControl);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @AfterAll
  static void stop() throws IOException {
    cdn.close();
    functions.stop(0);
    s3.close();
  }

  static void put(String key, String body, String type, String cacheControl) {
    client.putObject(
        b -> b.bucket("site").key(key).contentType(type).cacheControl(cacheControl),
        RequestBody.fromString(body));
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(cdn.url().resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** S3Proxy's Jetty drops the space after the semicolon; browsers do not mind either form. */
  static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
  }

  @Test
  void aDirectoryPathServesItsIndexWithTheObjectsHeaders() throws Exception {
    var root = get("/en/");
    var profile = get("/en/users/alice/");

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.body()).isEqualTo("<h1>explore</h1>");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body()).isEqualTo("<h1>alice</h1>");
    assertThat(contentType(profile)).isEqualTo("text/html;charset=utf-8");
    assertThat(profile.headers().firstValue("Cache-Control")).hasValue(PAGE_CACHE);
    assertThat(profile.headers().firstValue("ETag")).isPresent();
  }

  @Test
  void aDirectoryWithoutItsSlashIsRedirectedWhetherOrNotItExists() throws Exception {
    var existing = get("/en/users/alice?x=1");
    var missing = get("/es/users/nobody");

    assertThat(existing.statusCode()).isEqualTo(301);
    assertThat(existing.headers().firstValue("Location")).hasValue("/en/users/alice/?x=1");
    // The viewer-request function cannot look into the bucket: one rule for every path.
    assertThat(missing.statusCode()).isEqualTo(301);
    assertThat(missing.headers().firstValue("Location")).hasValue("/es/users/nobody/");
  }

  @Test
  void aPathWithoutALocaleIsSentToTheReadersUncached() throws Exception {
    var byDefault = get("/users/alice/?x=1");
    var byBrowser = get("/users/alice/", "Accept-Language", "fr, es-MX;q=0.8, en;q=0.5");
    var byCookie = get("/", "Cookie", "mb_user=alice; lang=ar", "Accept-Language", "es");

    assertThat(byDefault.statusCode()).isEqualTo(302);
    assertThat(byDefault.headers().firstValue("Location")).hasValue("/en/users/alice/?x=1");
    assertThat(byDefault.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(byBrowser.headers().firstValue("Location")).hasValue("/es/users/alice/");
    assertThat(byCookie.headers().firstValue("Location")).hasValue("/ar/");
    assertThat(byCookie.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void theLanguageSwitchRemembersTheChoiceAndShowsTheSamePageInIt() throws Exception {
    var response = get("/en/users/alice/?lang=es&page=2");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValue("/es/users/alice/?page=2");
    // Plain HTTP: a Secure cookie would never come back, so the stand-in leaves the flag out.
    assertThat(response.headers().firstValue("Set-Cookie"))
        .hasValue("lang=es; Path=/; Max-Age=31536000; SameSite=Lax");
    var followed = get("/es/users/alice/", "Cookie", "lang=es");
    assertThat(followed.body()).isEqualTo("<h1>alicia</h1>");
  }

  @Test
  void localizedPathsAndLocaleFreePathsAreServedWhateverTheReaderPrefers() throws Exception {
    put("assets/site.css", "body{}", "text/css", PAGE_CACHE);

    var localized = get("/es/users/alice/", "Cookie", "lang=ar", "Accept-Language", "en");
    var asset = get("/assets/site.css", "Accept-Language", "ar");

    assertThat(localized.statusCode()).isEqualTo(200);
    assertThat(localized.body()).isEqualTo("<h1>alicia</h1>");
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.body()).isEqualTo("body{}");
  }

  @Test
  void aKeyTheBucketLacksIsAskedOfTheApiWithoutTheReadersCookies() throws Exception {
    var response = get("/en/users/nobody/", "Cookie", "mb_session=secret");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("<h1>not found, from the API</h1>");
    assertThat(contentType(response)).isEqualTo("text/html;charset=utf-8");
    assertThat(failovers)
        .contains(new Seen("GET", "/en/users/nobody/index.html", "", null, null, null));
  }

  @Test
  void anUnknownLocaleEndsOnTheNotFoundPageUnderTheReadersLocale() throws Exception {
    var redirect = get("/fr/users/alice/", "Accept-Language", "fr, es;q=0.5");
    var page = get(redirect.headers().firstValue("Location").orElseThrow());

    assertThat(redirect.headers().firstValue("Location")).hasValue("/es/fr/users/alice/");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(failovers)
        .contains(new Seen("GET", "/es/fr/users/alice/index.html", "", null, null, null));
  }

  @Test
  void theFailoversNotFoundPageIsCachedForItsShortLifetime() throws Exception {
    get("/en/page/99/");
    int asked = failovers.size();

    var again = get("/en/page/99/");

    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.headers().firstValue("X-Cache")).hasValue("Hit from cloudfront");
    assertThat(failovers).hasSize(asked);
  }

  @Test
  void theApisOwnErrorsReachTheReaderUnchanged() throws Exception {
    var notFound = post("/api/follow/nobody");
    var refused = post("/api/refused");

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).isEqualTo("<p>No user called nobody.</p>");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).isEqualTo("<p>Forms from other sites are refused.</p>");
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(cdn.url().resolve(path))
            .header("Origin", cdn.url().toString())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aMatchingEtagGets304WithoutABody() throws Exception {
    String etag = get("/en/users/alice/").headers().firstValue("ETag").orElseThrow();

    var again = get("/en/users/alice/", "If-None-Match", etag);
    var other = get("/en/users/alice/", "If-None-Match", "\"something-else\"");

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void headAnswersTheHeadersOnly() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(cdn.url().resolve("/en/users/alice/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
  }

  @Test
  void aCachedPageStaysUntilItIsInvalidated() throws Exception {
    put("en/page/7/index.html", "first", "text/html", PAGE_CACHE);
    assertThat(get("/en/page/7/").body()).isEqualTo("first");

    put("en/page/7/index.html", "second", "text/html", PAGE_CACHE);
    var stale = get("/en/page/7/");
    cdn.invalidate(List.of("/en/page/7/"));
    var fresh = get("/en/page/7/");

    assertThat(stale.body()).isEqualTo("first");
    assertThat(stale.headers().firstValue("X-Cache")).hasValue("Hit from cloudfront");
    assertThat(fresh.body()).isEqualTo("second");
    assertThat(cdn.invalidations())
        .extracting(Cdn.Invalidation::paths)
        .contains(List.of("/en/page/7/"));
  }

  @Test
  void aWildcardInvalidationDropsEveryPathUnderThePrefix() throws Exception {
    put("en/users/zoe/index.html", "zoe 1", "text/html", PAGE_CACHE);
    put("en/users/zoe/page/1/index.html", "zoe page 1", "text/html", PAGE_CACHE);
    get("/en/users/zoe/");
    get("/en/users/zoe/page/1/");
    put("en/users/zoe/index.html", "zoe 2", "text/html", PAGE_CACHE);
    put("en/users/zoe/page/1/index.html", "zoe page 1 again", "text/html", PAGE_CACHE);

    cdn.invalidate(List.of("/en/users/zoe/*"));

    assertThat(get("/en/users/zoe/").body()).isEqualTo("zoe 2");
    assertThat(get("/en/users/zoe/page/1/").body()).isEqualTo("zoe page 1 again");
  }

  @Test
  void anObjectMarkedNoCacheIsFetchedEveryTime() throws Exception {
    assertThat(get("/en/users/alice/following.json").body()).isEqualTo("[\"bob\"]");
    put("en/users/alice/following.json", "[\"bob\",\"carol\"]", "application/json", "no-cache");

    var response = get("/en/users/alice/following.json");

    assertThat(response.body()).isEqualTo("[\"bob\",\"carol\"]");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void apiRequestsGoToTheFunctionsWithEverythingTheBrowserSent() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(cdn.url().resolve("/api/login?next=home"))
                .header("Cookie", "mb_session=old")
                .header("Origin", cdn.url().toString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=secret"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(seen.get())
        .isEqualTo(
            new Seen(
                "POST",
                "/api/login?next=home",
                "username=alice&password=secret",
                "mb_session=old",
                cdn.url().toString(),
                cdn.url().getAuthority()));
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/users/alice/home/#logged-in");
    assertThat(response.headers().allValues("Set-Cookie"))
        .containsExactlyInAnyOrder("mb_session=abc; Path=/; HttpOnly", "mb_user=alice; Path=/");
  }

  @Test
  void postsOutsideTheApiAreRefused() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(cdn.url().resolve("/en/users/alice/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
  }
}
