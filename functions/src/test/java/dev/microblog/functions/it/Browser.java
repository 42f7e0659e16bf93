package dev.microblog.functions.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A reader's browser as the functions see it: it keeps cookies, sends forms from the site's pages
 * (with the site's {@code Origin}) and does not follow redirects, so tests see each answer.
 */
public final class Browser {
  public static final String PASSWORD = "correct horse battery";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Transport transport;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String origin = Site.SITE_ORIGIN;

  public Browser(Transport transport) {
    this.transport = transport;
  }

  /** A browser talking HTTP to a server at {@code base}. */
  public Browser(URI base) {
    this(new NettyTransport(base));
  }

  /** Another reader's browser (no cookies), reaching the functions the same way. */
  public Browser another() {
    return new Browser(transport);
  }

  /** An answer, with helpers to read it as a page or as JSON. */
  public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    public Document html() {
      assertThat(headers.firstValue("Content-Type"))
          .hasValueSatisfying(t -> t.startsWith("text/html"));
      return Jsoup.parse(body);
    }

    public JsonNode json() {
      assertThat(headers.firstValue("Content-Type"))
          .hasValueSatisfying(t -> t.startsWith("application/json"));
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String location() {
      return headers.firstValue("Location").orElse(null);
    }

    public List<HttpCookie> setCookies() {
      return headers.allValues("Set-Cookie").stream()
          .flatMap(header -> HttpCookie.parse(header).stream())
          .toList();
    }

    public HttpCookie setCookie(String name) {
      return setCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The raw Set-Cookie header for a cookie, for the attributes HttpCookie does not parse. */
    public String setCookieHeader(String name) {
      return headers.allValues("Set-Cookie").stream()
          .filter(h -> h.startsWith(name + "="))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Sends a form from the site's pages, as a browser with script off does. */
  public Reply post(String path, Map<String, String> form) {
    return post(path, form, b -> b.header("Accept", "text/html,*/*;q=0.8"));
  }

  /** Sends a form as the page's script does: same body, asking for JSON. */
  public Reply postForJson(String path, Map<String, String> form) {
    return post(path, form, b -> b.header("Accept", "application/json"));
  }

  public Reply post(
      String path, Map<String, String> form, UnaryOperator<HttpRequest.Builder> more) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return send(more.apply(request));
  }

  /** The page forms are sent from from now on; null sends no Origin (a program, not a browser). */
  public Browser from(String origin) {
    this.origin = origin;
    return this;
  }

  public Reply get(String path) {
    return get(path, b -> b.header("Accept", "text/html"));
  }

  public Reply getJson(String path) {
    return get(path, b -> b.header("Accept", "application/json"));
  }

  public Reply get(String path, UnaryOperator<HttpRequest.Builder> more) {
    return send(more.apply(HttpRequest.newBuilder(base().resolve(path)).GET()));
  }

  public Reply send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    Reply reply = transport.send(request.build());
    for (HttpCookie cookie : reply.setCookies()) {
      if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
        cookies.remove(cookie.getName());
      } else {
        cookies.put(cookie.getName(), cookie.getValue());
      }
    }
    return reply;
  }

  public URI base() {
    return transport.base();
  }

  public Map<String, String> cookies() {
    return cookies;
  }

  /** Signs up {@code username} (address username@example.org) and stays logged in. */
  public Browser signUp(String username) {
    Reply reply = post("/api/signup", signupForm(username, username + "@example.org", PASSWORD));
    assertThat(reply.status()).as(reply.body()).isEqualTo(303);
    return this;
  }

  /** The signup form, filled in. */
  public static Map<String, String> signupForm(String username, String email, String password) {
    return Map.of("username", username, "email", email, "password", password);
  }

  public static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
