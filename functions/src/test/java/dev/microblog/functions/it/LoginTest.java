package dev.microblog.functions.it;

import static dev.microblog.functions.it.Browser.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Site.class)
class LoginTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);

  @Test
  void loggingInOpensASessionAndLeadsHome(Browser browser, Site.Running site) {
    String name = site.signedUpUser("login");

    Reply reply =
        browser.post(
            "/api/login", Map.of("username", " " + name.toUpperCase(), "password", PASSWORD));

    assertThat(reply.status()).isEqualTo(303);
    assertThat(reply.location()).isEqualTo("/api/home?locale=en#logged-in");
    assertThat(reply.setCookie("mb_user").getValue()).isEqualTo(name);
    assertThat(reply.setCookieHeader("mb_session")).containsIgnoringCase("HttpOnly");
    String token = reply.setCookie("mb_session").getValue();
    // The table holds a hash of the token, never the token itself.
    assertThat(site.item("SESSION#" + token, "SESSION")).isEmpty();
    assertThat(browser.get("/api/home").location()).isEqualTo("/en/users/" + name + "/home/");
  }

  @Test
  void theScriptGetsJson(Browser browser, Site.Running site) {
    String name = site.signedUpUser("loginjson");

    Reply reply = browser.postForJson("/api/login", Map.of("username", name, "password", PASSWORD));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("redirect").asText()).isEqualTo("/api/home?locale=en#logged-in");
    assertThat(reply.setCookie("mb_user").getValue()).isEqualTo(name);
  }

  @Test
  void aWrongPasswordIsRefusedWithTheUsernameKept(Browser browser, Site.Running site) {
    String name = site.signedUpUser("wrongpw");

    Reply reply =
        site.writingNothing(
            () ->
                browser.post(
                    "/api/login", Map.of("username", name, "password", "not the password")));

    assertWrongCredentials(reply, name);
  }

  @Test
  void anUnknownUserGetsTheSameAnswer(Browser browser, Site.Running site) {
    Reply reply =
        site.writingNothing(
            () ->
                browser.post(
                    "/api/login", Map.of("username", "nobody_here", "password", PASSWORD)));

    assertWrongCredentials(reply, "nobody_here");
  }

  private static void assertWrongCredentials(Reply reply, String username) {
    assertThat(reply.status()).isEqualTo(401);
    Document page = reply.html();
    assertThat(page.select(".form-error").text()).isEqualTo(T.get("error_credentials"));
    assertThat(page.select("#username").attr("value")).isEqualTo(username);
    assertThat(page.select("#password").attr("value")).isEmpty();
    assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void wrongCredentialsAsJson(Browser browser) {
    Reply reply =
        browser.postForJson("/api/login", Map.of("username", "nobody_here", "password", "x"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_credentials"));
  }

  @Test
  void emptyFieldsAreRequired(Browser browser, Site.Running site) {
    Reply reply =
        site.writingNothing(
            () -> browser.post("/api/login", Map.of("username", "", "password", "")));

    assertThat(reply.status()).isEqualTo(400);
    Document page = reply.html();
    assertThat(page.select("#username-error").text()).isEqualTo(T.get("error_required"));
    assertThat(page.select("#password-error").text()).isEqualTo(T.get("error_required"));
  }

  @Test
  void loggingOutEndsTheSessionAndForgetsBothCookies(Browser browser, Site.Running site) {
    String name = Site.freshName("logout");
    browser.signUp(name);
    String token = browser.cookies().get("mb_session");
    int before = site.itemCount();

    Reply reply = browser.post("/api/logout", Map.of());

    assertThat(reply.status()).isEqualTo(303);
    assertThat(reply.location()).isEqualTo("/en/#logged-out");
    assertThat(reply.setCookie("mb_session").getMaxAge()).isZero();
    assertThat(reply.setCookie("mb_user").getMaxAge()).isZero();
    assertThat(site.itemCount()).isEqualTo(before - 1); // the session is gone

    // Even a copy of the old cookie opens nothing any more.
    Browser thief = browser.another();
    thief.cookies().put("mb_session", token);
    assertThat(thief.get("/api/home").location()).isEqualTo("/en/login/#login-required");
  }

  @Test
  void loggingOutWithoutASessionIsFine(Browser browser) {
    Reply reply = browser.post("/api/logout", Map.of());

    assertThat(reply.status()).isEqualTo(303);
    assertThat(reply.location()).isEqualTo("/en/#logged-out");
  }

  @Test
  void homeWithoutASessionAsksToLogIn(Browser browser) {
    assertThat(browser.get("/api/home").status()).isEqualTo(303);
    assertThat(browser.get("/api/home").location()).isEqualTo("/en/login/#login-required");

    Reply json = browser.getJson("/api/home");
    assertThat(json.status()).isEqualTo(401);
    assertThat(json.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_login_required"));
  }

  @Test
  void aSessionLastsThirtyDays(Browser browser, Site.Running site) {
    String name = Site.freshName("expiry");
    browser.signUp(name);

    site.clock().advance(Duration.ofDays(29));
    assertThat(browser.get("/api/home").location()).isEqualTo("/en/users/" + name + "/home/");
    site.clock().advance(Duration.ofDays(2));
    assertThat(browser.get("/api/home").location()).isEqualTo("/en/login/#login-required");
  }

  @Test
  void aMadeUpSessionCookieOpensNothing(Browser browser) {
    browser.cookies().put("mb_session", "made-up-token");
    browser.cookies().put("mb_user", "somebody");

    assertThat(browser.get("/api/home").location()).isEqualTo("/en/login/#login-required");
  }
}
