package dev.microblog.functions.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Site.class)
class PostingTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);
  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void aPostIsStoredAndShownOnTheConfirmationPage(Browser browser, Site.Running site) {
    String name = Site.freshName("poster");
    browser.signUp(name);
    Instant now = site.clock().instant();

    Reply reply = browser.post("/api/posts", Map.of("body", "  Hello <world> & all  "));

    assertThat(reply.status()).isEqualTo(303);
    assertThat(reply.location()).isEqualTo("/api/posted/1?locale=en");
    var item = site.item("USER#" + name, "POST#0000000001");
    assertThat(item.get("body").s()).isEqualTo("Hello <world> & all");
    assertThat(item.get("createdAt").s()).isEqualTo(now.toString()); // the context's clock

    Reply posted = browser.get(reply.location());
    assertThat(posted.status()).isEqualTo(200);
    Document page = posted.html();
    assertThat(page.select("h1").text()).isEqualTo(T.get("posted_title"));
    assertThat(page.select("article.post .body").text()).isEqualTo("Hello <world> & all");
    assertThat(page.select("article.post .author").text()).isEqualTo(name);
    assertThat(page.select("article.post time").attr("datetime")).isEqualTo(now.toString());
    assertThat(page.select("a[href=/en/users/" + name + "/posts/1/]")).isNotEmpty();
    assertThat(page.select("a[href=/en/users/" + name + "/home/]").text())
        .isEqualTo(T.get("posted_timeline"));

    // The next post takes the next number.
    assertThat(browser.post("/api/posts", Map.of("body", "again")).location())
        .isEqualTo("/api/posted/2?locale=en");
  }

  @Test
  void aPostsLanguageIsDetectedOrTakenFromTheForm(Browser browser, Site.Running site) {
    String name = Site.freshName("polyglot");
    browser.signUp(name);

    browser.post("/api/posts", Map.of("body", "Mañana vamos todos a la playa con los niños"));
    browser.post("/api/posts", Map.of("body", "Mañana vamos a la playa", "lang", "pt"));
    browser.post("/api/posts", Map.of("body", "ok", "lang", ""));

    assertThat(site.item("USER#" + name, "POST#0000000001").get("lang").s()).isEqualTo("es");
    assertThat(site.item("USER#" + name, "POST#0000000002").get("lang").s()).isEqualTo("pt");
    assertThat(site.item("USER#" + name, "POST#0000000003").get("lang").s()).isEqualTo("und");
  }

  @Test
  void theFormOffersTheLanguagesEachInItsOwnName(Browser browser) {
    browser.signUp(Site.freshName("chooser"));

    Document page = browser.post("/api/posts", Map.of("body", "")).html();

    var options = page.select("select#lang option");
    assertThat(options.first().attr("value")).isEmpty();
    assertThat(options.first().text()).isEqualTo(T.get("post_lang_detect"));
    assertThat(page.select("select#lang option[value=es]").text()).isEqualTo("Español");
    assertThat(page.select("select#lang option[value=ar]").text()).isEqualTo("العربية");
  }

  @Test
  void anUnknownLanguageIsRefusedNextToItsFieldWithTheInputKept(
      Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("badlang"));
    int before = site.itemCount();

    Reply reply = browser.post("/api/posts", Map.of("body", "Hello there", "lang", "xx-bogus"));
    Reply json = browser.postForJson("/api/posts", Map.of("body", "Hello there", "lang", "und"));

    assertThat(reply.status()).isEqualTo(400);
    Document page = reply.html();
    assertThat(page.select("#lang-error").text()).isEqualTo(T.get("error_post_lang_unknown"));
    assertThat(page.select("select#lang").attr("aria-describedby")).isEqualTo("lang-error");
    assertThat(page.select("textarea#body").text()).isEqualTo("Hello there");
    assertThat(page.select("#body-error")).isEmpty();
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.json().get("errors").get("lang").asText())
        .isEqualTo(T.get("error_post_lang_unknown"));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void aRefusedPostKeepsTheChosenLanguage(Browser browser) {
    browser.signUp(Site.freshName("keeplang"));

    Document page = browser.post("/api/posts", Map.of("body", "", "lang", "fr")).html();

    assertThat(page.select("select#lang option[selected]").attr("value")).isEqualTo("fr");
  }

  @Test
  void theScriptGetsThePostAndItsMarkup(Browser browser) {
    String name = Site.freshName("scripted");
    browser.signUp(name);

    Reply reply = browser.postForJson("/api/posts", Map.of("body", "From the script"));

    assertThat(reply.status()).isEqualTo(200);
    var json = reply.json();
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("redirect").asText()).isEqualTo("/api/posted/1?locale=en");
    assertThat(json.get("post").get("author").asText()).isEqualTo(name);
    assertThat(json.get("post").get("seq").asLong()).isEqualTo(1);
    assertThat(json.get("post").get("url").asText()).isEqualTo("/en/users/" + name + "/posts/1/");
    assertThat(json.get("post").get("body").asText()).isEqualTo("From the script");
    var article = Jsoup.parseBodyFragment(json.get("html").asText()).selectFirst("article.post");
    assertThat(article).isNotNull();
    assertThat(article.select(".body").text()).isEqualTo("From the script");
  }

  @Test
  void exactly280CharactersArePublished(Browser browser, Site.Running site) {
    String name = Site.freshName("longest");
    browser.signUp(name);
    String body = EMOJI.repeat(140) + "x".repeat(140);

    Reply reply = browser.post("/api/posts", Map.of("body", body));

    assertThat(reply.status()).isEqualTo(303);
    assertThat(site.item("USER#" + name, "POST#0000000001").get("body").s()).isEqualTo(body);
  }

  @Test
  void a281CharacterPostIsRefusedWithTheTextKept(Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("toolong"));
    String body = EMOJI.repeat(141) + "x".repeat(140);
    int before = site.itemCount();

    Reply reply = browser.post("/api/posts", Map.of("body", body));

    assertThat(reply.status()).isEqualTo(400);
    Document page = reply.html();
    assertThat(page.select("#body-error").text()).isEqualTo(T.get("error_post_too_long", 280, 281));
    assertThat(page.select("textarea#body").text()).isEqualTo(body);
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void anEmptyPostIsRefused(Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("empty"));
    int before = site.itemCount();

    Reply reply = browser.post("/api/posts", Map.of("body", "   \r\n "));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.html().select("#body-error").text()).isEqualTo(T.get("error_post_empty"));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void refusalsAsJson(Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("jsonerr"));
    int before = site.itemCount();

    Reply reply = browser.postForJson("/api/posts", Map.of("body", ""));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("errors").get("body").asText())
        .isEqualTo(T.get("error_post_empty"));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void postingNeedsASession(Browser browser, Site.Running site) {
    int before = site.itemCount();

    Reply page = browser.post("/api/posts", Map.of("body", "anonymous"));
    Reply json = browser.postForJson("/api/posts", Map.of("body", "anonymous"));

    assertThat(page.status()).isEqualTo(303);
    assertThat(page.location()).isEqualTo("/en/login/#login-required");
    assertThat(json.status()).isEqualTo(401);
    assertThat(json.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_login_required"));
    assertThat(site.itemCount()).isEqualTo(before);
  }

  @Test
  void theConfirmationPageShowsOnlyOnesOwnExistingPosts(Browser browser) {
    String author = Site.freshName("author");
    Browser authorBrowser = browser.another().signUp(author);
    authorBrowser.post("/api/posts", Map.of("body", "mine"));
    browser.signUp(Site.freshName("reader"));

    // /api/posted/1 is the reader's own post 1, which does not exist.
    assertThat(browser.get("/api/posted/1").status()).isEqualTo(404);
    assertThat(browser.get("/api/posted/1").html().select(".error").text())
        .isEqualTo(T.get("notfound_body"));
    assertThat(browser.get("/api/posted/not-a-number").status()).isEqualTo(404);
    assertThat(browser.another().get("/api/posted/1").location())
        .isEqualTo("/en/login/#login-required");
  }
}
