package dev.microblog.functions.it;

import static dev.microblog.functions.it.Browser.PASSWORD;
import static dev.microblog.functions.it.Browser.signupForm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.functions.it.Browser.Reply;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The functions answer in the reader's language: the one the page's form names ({@code ?locale=}),
 * else the one in the path (the not-found failover), else the switcher's cookie, else the browser's
 * {@code Accept-Language}, else English. The expected words are the translations, as written in
 * messages_es/messages_ar.
 */
@ExtendWith(Site.class)
class ReplyLocaleTest {
  private static final String REQUIRED_ES = "Rellena este campo.";
  private static final String REQUIRED_AR = "يُرجى ملء هذا الحقل.";
  private static final String REQUIRED_EN = "Please fill in this field.";

  @Test
  void aFormFromASpanishPageIsAnsweredInSpanish(Browser browser, Site.Running site) {
    // The form's own locale wins over the cookie and the browser's languages.
    browser.cookies().put("lang", "ar");

    Reply reply =
        site.writingNothing(
            () ->
                browser.post(
                    "/api/signup?locale=es",
                    signupForm("", "x@example.org", PASSWORD),
                    b -> b.header("Accept", "text/html").header("Accept-Language", "en")));

    assertThat(reply.status()).isEqualTo(400);
    Document page = reply.html();
    assertThat(page.select("html").attr("lang")).isEqualTo("es");
    assertThat(page.select("#username-error").text()).isEqualTo(REQUIRED_ES);
    assertThat(page.select("#email-error").text()).isEmpty();
  }

  @Test
  void theLanguageCookieGivesArabicJson(Browser browser, Site.Running site) {
    browser.cookies().put("lang", "ar");

    Reply reply =
        site.writingNothing(
            () ->
                browser.post(
                    "/api/login",
                    Map.of("username", "nobody_here", "password", "x"),
                    b -> b.header("Accept", "application/json").header("Accept-Language", "es")));
    Reply empty =
        browser.postForJson("/api/signup", signupForm("", "x@example.org", "correct horse"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("errors").get("form").asText())
        .isEqualTo("اسم المستخدم أو كلمة المرور غير صحيحة.");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("errors").get("username").asText()).isEqualTo(REQUIRED_AR);
  }

  @Test
  void withoutFormOrCookieTheBrowsersLanguagesDecide(Browser browser) {
    Reply spanish =
        browser.post(
            "/api/signup",
            signupForm("", "x@example.org", PASSWORD),
            b -> b.header("Accept", "text/html").header("Accept-Language", "es-MX,es;q=0.9"));
    Reply arabic =
        browser.post(
            "/api/signup",
            signupForm("", "x@example.org", PASSWORD),
            b ->
                b.header("Accept", "application/json")
                    .header("Accept-Language", "fr, ar-EG;q=0.5"));
    Reply neither =
        browser.post(
            "/api/signup",
            signupForm("", "x@example.org", PASSWORD),
            b -> b.header("Accept", "text/html").header("Accept-Language", "fr-CA, de"));

    assertThat(spanish.html().select("html").attr("lang")).isEqualTo("es");
    assertThat(spanish.html().select("#username-error").text()).isEqualTo(REQUIRED_ES);
    assertThat(arabic.json().get("errors").get("username").asText()).isEqualTo(REQUIRED_AR);
    assertThat(neither.html().select("html").attr("lang")).isEqualTo("en");
    assertThat(neither.html().select("#username-error").text()).isEqualTo(REQUIRED_EN);
  }

  @Test
  void anUnknownFormLocaleFallsBackToTheReadersChoice(Browser browser, Site.Running site) {
    Reply byBrowser =
        site.writingNothing(
            () ->
                browser.post(
                    "/api/signup?locale=fr",
                    signupForm("", "x@example.org", PASSWORD),
                    b -> b.header("Accept", "text/html").header("Accept-Language", "es")));
    Reply byNothing =
        browser.postForJson("/api/signup?locale=ES", signupForm("", "x@example.org", PASSWORD));
    browser.cookies().put("lang", "ar");
    Reply byCookie = browser.post("/api/logout?locale=xx-YY", Map.of());

    assertThat(byBrowser.status()).isEqualTo(400);
    assertThat(byBrowser.html().select("#username-error").text()).isEqualTo(REQUIRED_ES);
    assertThat(byNothing.status()).isEqualTo(400);
    assertThat(byNothing.json().get("errors").get("username").asText()).isEqualTo(REQUIRED_EN);
    assertThat(byCookie.status()).isEqualTo(303);
    assertThat(byCookie.location()).isEqualTo("/ar/#logged-out");
  }

  @Test
  void aMissingPageIsNotFoundInTheLanguageOfItsFolder(Browser browser) {
    Reply spanish = browser.get("/es/nope/", b -> b.header("Accept-Language", "ar"));
    Reply arabic = browser.get("/ar/users/nobody/");

    assertThat(spanish.status()).isEqualTo(404);
    Document es = spanish.html();
    assertThat(es.select("html").attr("lang")).isEqualTo("es");
    assertThat(es.select("html").attr("dir")).isEqualTo("ltr");
    assertThat(es.select("h1").text()).isEqualTo("Página no encontrada");
    assertThat(es.select("main p").first().text())
        .isEqualTo(
            "Esta página no existe o aún se está publicando: inténtalo de nuevo en un momento.");
    assertThat(spanish.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=0, s-maxage=1");
    assertThat(arabic.status()).isEqualTo(404);
    assertThat(arabic.html().select("html").attr("lang")).isEqualTo("ar");
    assertThat(arabic.html().select("html").attr("dir")).isEqualTo("rtl");
    assertThat(arabic.html().select("h1").text()).isEqualTo("الصفحة غير موجودة");
  }

  @Test
  void redirectsLeadToThePagesInTheFormsLanguage(Browser browser, Site.Running site) {
    String name = Site.freshName("hola");
    String star = site.signedUpUser("estrella");

    Reply signup =
        browser.post("/api/signup?locale=es", signupForm(name, name + "@example.org", PASSWORD));
    Reply follow = browser.post("/api/follow/" + star + "?locale=ar", Map.of());
    Reply unfollow = browser.postForJson("/api/unfollow/" + star + "?locale=es", Map.of());
    Reply home = browser.get("/api/home?locale=ar");
    Reply logout = browser.post("/api/logout?locale=es", Map.of());

    assertThat(signup.location()).isEqualTo("/es/#welcome");
    assertThat(follow.location()).isEqualTo("/ar/users/" + star + "/#followed");
    assertThat(unfollow.json().get("redirect").asText())
        .isEqualTo("/es/users/" + star + "/#unfollowed");
    assertThat(home.location()).isEqualTo("/ar/users/" + name + "/home/");
    assertThat(logout.location()).isEqualTo("/es/#logged-out");
  }

  @Test
  void aLoginFromASpanishPageLandsOnTheSpanishTimeline(Browser browser, Site.Running site) {
    String name = site.signedUpUser("entrar");

    Reply login =
        browser.post("/api/login?locale=es", Map.of("username", name, "password", PASSWORD));

    assertThat(login.status()).isEqualTo(303);
    // The browser follows the redirect with the cookies it was just given, and no others.
    assertThat(browser.get(path(login.location())).location())
        .isEqualTo("/es/users/" + name + "/home/");
  }

  @Test
  void loginRequiredSendsToTheLoginPageInTheFormsLanguage(Browser browser) {
    Reply post = browser.post("/api/posts?locale=es", Map.of("body", "anónimo"));
    Reply home = browser.get("/api/home", b -> b.header("Accept-Language", "ar"));
    Reply json =
        browser.post(
            "/api/follow/somebody?locale=es",
            Map.of(),
            b -> b.header("Accept", "application/json"));

    assertThat(post.location()).isEqualTo("/es/login/#login-required");
    assertThat(home.location()).isEqualTo("/ar/login/#login-required");
    assertThat(json.status()).isEqualTo(401);
    assertThat(json.json().get("errors").get("form").asText()).isEqualTo("Primero inicia sesión.");
  }

  @Test
  void aPostFromASpanishPageIsConfirmedInSpanish(Browser browser) {
    String name = Site.freshName("autor");
    browser.signUp(name);

    Reply reply = browser.post("/api/posts?locale=es", Map.of("body", "Hola a todos"));
    Reply posted = browser.get(path(reply.location()));

    assertThat(reply.status()).isEqualTo(303);
    assertThat(posted.status()).isEqualTo(200);
    Document page = posted.html();
    assertThat(page.select("html").attr("lang")).isEqualTo("es");
    assertThat(page.select("h1").text()).isEqualTo("Tu publicación ya está visible");
    assertThat(page.select("a[href=/es/users/" + name + "/posts/1/]")).isNotEmpty();
  }

  /** What a browser asks for when it follows a Location: everything but the fragment. */
  private static String path(String location) {
    int hash = location.indexOf('#');
    return hash < 0 ? location : location.substring(0, hash);
  }
}
