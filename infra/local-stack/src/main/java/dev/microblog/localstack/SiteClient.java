package dev.microblog.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One reader of the site over HTTP, with their own cookies, doing what the site's forms do: posts
 * to {@code /api/...} through the CDN, same origin, redirects left to the caller. Used to seed the
 * demo, by the end-to-end tests and by the benchmark.
 */
public final class SiteClient {
  private static final Pattern POSTED = Pattern.compile("/api/posted/(\\d+)");

  private final URI site;
  private final HttpClient http;

  public SiteClient(URI site) {
    this.site = site;
    CookieManager cookies = new CookieManager();
    cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public URI site() {
    return site;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(site.resolve(path)).GET());
  }

  /** Posts a form as the site's own pages do (Origin is the site). */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(site.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", site.toString().replaceAll("/$", ""))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public void signUp(String username, String email, String password) {
    expectRedirect(
        post("/api/signup", form("username", username, "email", email, "password", password)),
        "sign up " + username);
  }

  public void logIn(String username, String password) {
    expectRedirect(
        post("/api/login", form("username", username, "password", password)), "log in " + username);
  }

  public void logOut() {
    expectRedirect(post("/api/logout", Map.of()), "log out");
  }

  /**
   * Publishes a post.
   *
   * @return its sequence number among the author's posts
   */
  public long publish(String body) {
    String location = expectRedirect(post("/api/posts", form("body", body)), "post");
    Matcher m = POSTED.matcher(location);
    if (!m.find()) {
      throw new IllegalStateException("Posting redirected to " + location + ", not /api/posted/…");
    }
    return Long.parseLong(m.group(1));
  }

  public void follow(String username) {
    expectRedirect(post("/api/follow/" + username, Map.of()), "follow " + username);
  }

  public void unfollow(String username) {
    expectRedirect(post("/api/unfollow/" + username, Map.of()), "unfollow " + username);
  }

  private static String expectRedirect(HttpResponse<String> response, String what) {
    if (response.statusCode() != 303) {
      throw new IllegalStateException(
          "Could not "
              + what
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body().substring(0, Math.min(500, response.body().length())));
    }
    return response.headers().firstValue("Location").orElse("");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Request to " + site + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static Map<String, String> form(String... pairs) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
