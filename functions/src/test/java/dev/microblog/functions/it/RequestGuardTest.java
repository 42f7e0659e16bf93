package dev.microblog.functions.it;

import static dev.microblog.functions.it.Browser.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Site.class)
class RequestGuardTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);

  private static Map<String, String> signup(String name) {
    return Map.of("username", name, "email", name + "@example.org", "password", PASSWORD);
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused(Browser browser, Site.Running site) {
    int before = site.itemCount();

    Reply reply =
        browser.from("https://evil.example").post("/api/signup", signup(Site.freshName("csrf")));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.html().select("main .error").text()).isEqualTo(T.get("error_cross_origin"));
    assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void aSignedInReaderCannotBeMadeToPostFromAnotherSite(Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("victim"));
    int before = site.itemCount();

    Reply byReferer =
        browser
            .from(null)
            .post(
                "/api/posts",
                Map.of("body", "forged"),
                b ->
                    b.header("Referer", "https://evil.example/page.html")
                        .header("Accept", "application/json"));

    assertThat(byReferer.status()).isEqualTo(403);
    assertThat(byReferer.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_cross_origin"));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void behindTheCdnTheReadersHostArrivesAsForwardedHost(Browser browser) {
    String cdn = "https://d111111abcdef8.cloudfront.example";

    Reply viaCdn =
        browser
            .from(cdn)
            .post(
                "/api/signup",
                signup(Site.freshName("cdn")),
                b -> b.header("X-Forwarded-Host", "d111111abcdef8.cloudfront.example"));
    Reply forged =
        browser
            .from("https://evil.example")
            .post(
                "/api/signup",
                signup(Site.freshName("forged")),
                b -> b.header("X-Forwarded-Host", "d111111abcdef8.cloudfront.example"));

    assertThat(viaCdn.status()).isEqualTo(303);
    assertThat(forged.status()).isEqualTo(403);
  }

  @Test
  void theSitesOwnOriginsAreAccepted(Browser browser) {
    // The configured site origin (what Browser sends by default)...
    assertThat(browser.post("/api/signup", signup(Site.freshName("site"))).status()).isEqualTo(303);
    // ...the functions' own host, on whatever port they run (the local stack)...
    String own = "http://" + browser.base().getRawAuthority();
    assertThat(browser.from(own).post("/api/signup", signup(Site.freshName("own"))).status())
        .isEqualTo(303);
    // ...a page of the site named only by Referer (older browsers)...
    assertThat(
            browser
                .from(null)
                .post(
                    "/api/signup",
                    signup(Site.freshName("ref")),
                    b -> b.header("Referer", Site.SITE_ORIGIN + "/signup/"))
                .status())
        .isEqualTo(303);
    // ...and programs that send neither Origin nor Referer.
    assertThat(browser.from(null).post("/api/signup", signup(Site.freshName("curl"))).status())
        .isEqualTo(303);
  }

  @Test
  void aBodyOver64KbIsRefusedBeforeItIsRead(Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("big"));
    int before = site.itemCount();
    String huge = "x".repeat(64 * 1024);

    Reply page = browser.post("/api/posts", Map.of("body", huge));
    Reply json = browser.postForJson("/api/posts", Map.of("body", huge));

    assertThat(page.status()).isEqualTo(413);
    assertThat(page.html().select("main .error").text()).isEqualTo(T.get("error_too_large", 64));
    assertThat(json.status()).isEqualTo(413);
    assertThat(json.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_too_large", 64));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  /**
   * Netty only: a chunked body exists only on a real socket. API Gateway buffers the whole body
   * (and says how long it is) before the function runs.
   */
  @Test
  @Tag("netty-only")
  void aBodyOver64KbWithoutADeclaredLengthIsRefusedToo(Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("chunked"));
    int before = site.itemCount();
    byte[] huge = ("body=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);

    Reply reply =
        browser.send(
            HttpRequest.newBuilder(browser.base().resolve("/api/posts"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge))));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.html().select("main .error").text()).isEqualTo(T.get("error_too_large", 64));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void answersAreNeverCached(Browser browser) {
    assertThat(browser.get("/api/home").headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(browser.post("/api/logout", Map.of()).headers().firstValue("Cache-Control"))
        .hasValue("no-store");
  }
}
