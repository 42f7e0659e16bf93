package dev.microblog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microblog.architecture.SiteRequestFunction.Case;
import dev.microblog.localstack.Cdn;
import dev.microblog.localstack.S3Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CloudFront Function in template.yaml, run under Node as CloudFront would run it, its Java
 * twin, and the local CDN stand-in agree on every request in the table: the same redirects with the
 * same headers, and the same object asked of the bucket. Each row also says what the answer is.
 */
class EdgeFunctionTest {
  /** A request and the expected answer: a key fetched, or "status location [cookie]". */
  private record Row(Case request, String expected) {}

  private static Row row(String uri, String query, String cookie, String accept, String expected) {
    return new Row(new Case(uri, query, cookie, accept), expected);
  }

  private static final List<Row> TABLE =
      List.of(
          // a path with no locale goes to the reader's: cookie, else Accept-Language, else en
          row("/", null, null, null, "302 /en/"),
          row("/", null, null, "es-MX,es;q=0.9,en;q=0.8", "302 /es/"),
          row("/", null, "lang=ar", "es", "302 /ar/"),
          row("/", null, "other=1; lang=es", null, "302 /es/"),
          row("/", null, "lang=\"es\"", null, "302 /es/"),
          row("/", null, "lang=fr", "ar;q=0.5, fr", "302 /ar/"),
          row("/", null, null, "es;q=2", "302 /en/"),
          row("/", null, null, "*", "302 /en/"),
          row("/users/alice/", null, null, null, "302 /en/users/alice/"),
          row("/users/alice/", "x=1&y=", null, "ar", "302 /ar/users/alice/?x=1&y"),
          row("/users/alice", null, null, null, "302 /en/users/alice"),
          row("/users/al.ice", null, null, null, "302 /en/users/al.ice"),
          row("/page/3/", "a=1&b=2&a=3", null, null, "302 /en/page/3/?a=1&a=3&b=2"),
          // an unknown locale is not one: it lands under a real one, on a key the bucket lacks
          row("/fr/users/alice/", null, null, "fr, es;q=0.5", "302 /es/fr/users/alice/"),
          row("/ES/users/alice/", null, null, null, "302 /en/ES/users/alice/"),
          row("/en-US/", null, null, null, "302 /en/en-US/"),
          // a localized path is served whatever the reader's preference
          row("/es/users/alice/", null, "lang=ar", "ar", "es/users/alice/index.html"),
          row("/ar/", null, null, null, "ar/index.html"),
          row("/en/users/alice/following.json", null, null, null, "en/users/alice/following.json"),
          row("/en/404.html", null, null, null, "en/404.html"),
          row("/es", null, null, null, "301 /es/"),
          row("/es/users/alice", "x=1", null, null, "301 /es/users/alice/?x=1"),
          // the locale-free paths, as they are
          row("/assets/site.css", null, null, "ar", "assets/site.css"),
          row("/assets/", null, null, null, "assets/index.html"),
          row("/assets", null, null, null, "301 /assets/"),
          row("/data/users.json", null, "lang=es", null, "data/users.json"),
          row("/robots.txt", null, null, "es", "robots.txt"),
          row("/sitemap.xml", null, null, null, "sitemap.xml"),
          row("/favicon.ico", null, null, null, "favicon.ico"),
          // the switch: remember the choice, and show the same page in it
          row("/es/users/alice/", "lang=ar", null, null, "302 /ar/users/alice/ lang=ar"),
          row("/", "lang=es", "lang=ar", "ar", "302 /es/ lang=es"),
          row("/es", "lang=ar", null, null, "302 /ar/ lang=ar"),
          row("/users/alice/", "lang=ar&page=2", null, null, "302 /ar/users/alice/?page=2 lang=ar"),
          row("/fr/x/", "lang=es", null, null, "302 /es/fr/x/ lang=es"),
          row("/", "lang=es&lang=ar", null, null, "302 /es/ lang=es"),
          row("/robots.txt", "lang=es", null, null, "302 /robots.txt lang=es"),
          // an unsupported lang is no switch, and stays in the query like any other parameter
          row("/es/users/alice/", "lang=fr", null, null, "es/users/alice/index.html"),
          row("/users/alice/", "lang=ES", null, "es", "302 /es/users/alice/?lang=ES"),
          row("/users/alice/", "lang=", "lang=ar", null, "302 /ar/users/alice/?lang"));

  private static S3Server s3;
  private static S3Client client;
  private static Cdn cdn;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start(null, 0, "site");
    client = s3.client();
    cdn = Cdn.start(0, client, "site");
  }

  @AfterAll
  static void stop() throws Exception {
    cdn.close();
    client.close();
    s3.close();
  }

  @Test
  void the_function_and_its_java_twin_give_every_request_in_the_table_its_expected_answer()
      throws Exception {
    List<Case> cases = TABLE.stream().map(Row::request).toList();
    List<JsonNode> node = SiteRequestFunction.node(cases);

    for (int i = 0; i < TABLE.size(); i++) {
      Row row = TABLE.get(i);
      assertThat(describe(node.get(i))).as(row.request().toString()).isEqualTo(row.expected());
      assertThat(SiteRequestFunction.java(row.request()))
          .as(row.request().toString())
          .isEqualTo(node.get(i));
    }
  }

  @Test
  void the_switch_sets_a_secure_year_long_cookie_and_no_redirect_to_a_locale_is_cached()
      throws Exception {
    List<JsonNode> node =
        SiteRequestFunction.node(
            List.of(
                new Case("/es/users/alice/", "lang=ar", null, null),
                new Case("/users/alice/", null, null, null),
                new Case("/es/users/alice", null, null, null)));

    assertThat(node.get(0).toString())
        .isEqualTo(
            "{\"status\":302,\"location\":\"/ar/users/alice/\",\"headers\":{"
                + "\"cache-control\":\"no-store\","
                + "\"set-cookie\":\"lang=ar; Path=/; Max-Age=31536000; SameSite=Lax; Secure\"}}");
    assertThat(node.get(1).toString())
        .isEqualTo(
            "{\"status\":302,\"location\":\"/en/users/alice/\","
                + "\"headers\":{\"cache-control\":\"no-store\"}}");
    // the canonical slash is the same for every reader, and may be remembered
    assertThat(node.get(2).toString())
        .isEqualTo("{\"status\":301,\"location\":\"/es/users/alice/\",\"headers\":{}}");
  }

  @Test
  void the_stand_in_answers_as_the_function_does_but_for_the_cookies_secure_flag()
      throws Exception {
    List<JsonNode> node = SiteRequestFunction.node(TABLE.stream().map(Row::request).toList());

    for (int i = 0; i < TABLE.size(); i++) {
      Case c = TABLE.get(i).request();
      JsonNode rule = node.get(i);
      if (rule.has("uri")) {
        String key = rule.get("uri").asText().substring(1);
        client.putObject(
            b -> b.bucket("site").key(key).contentType("text/plain").cacheControl("no-store"),
            RequestBody.fromString("object " + key));
        HttpResponse<String> response = send(c);
        assertThat(response.statusCode()).as(c.toString()).isEqualTo(200);
        assertThat(response.body()).as(c.toString()).isEqualTo("object " + key);
        continue;
      }
      JsonNode headers = rule.get("headers");
      HttpResponse<String> response = send(c);
      assertThat(response.statusCode()).as(c.toString()).isEqualTo(rule.get("status").asInt());
      assertThat(response.headers().firstValue("Location"))
          .as(c.toString())
          .hasValue(rule.get("location").asText());
      assertThat(response.headers().firstValue("Cache-Control"))
          .as(c.toString())
          .isEqualTo(Optional.ofNullable(headers.get("cache-control")).map(JsonNode::asText));
      // CloudFront serves readers over HTTPS only; the stand-in speaks HTTP, where a Secure
      // cookie would be dropped, so it leaves the flag out.
      assertThat(response.headers().firstValue("Set-Cookie"))
          .as(c.toString())
          .isEqualTo(
              Optional.ofNullable(headers.get("set-cookie"))
                  .map(h -> h.asText().replace("; Secure", "")));
    }
  }

  private static HttpResponse<String> send(Case c) throws Exception {
    URI uri = cdn.url().resolve(c.uri() + (c.query() == null ? "" : "?" + c.query()));
    var request = HttpRequest.newBuilder(uri);
    if (c.cookie() != null) {
      request.header("Cookie", c.cookie());
    }
    if (c.acceptLanguage() != null) {
      request.header("Accept-Language", c.acceptLanguage());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** "key" for a request passed on; "status location" and the cookie set, for a redirect. */
  private static String describe(JsonNode answer) {
    if (answer.has("uri")) {
      return answer.get("uri").asText().substring(1);
    }
    List<String> parts = new ArrayList<>();
    parts.add(answer.get("status").asText());
    parts.add(answer.get("location").asText());
    JsonNode cookie = answer.get("headers").get("set-cookie");
    if (cookie != null) {
      parts.add(cookie.asText().split(";")[0]);
    }
    return String.join(" ", parts);
  }
}
