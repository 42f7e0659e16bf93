package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the page script adds to the static site, in Chromium with JavaScript on, through the CDN:
 * forms answer in place (errors next to the field, a new post on top of the list, the other follow
 * button) without a page load, the page shows only the parts that fit the reader, and times read "…
 * ago". {@link NoScriptBrowserTest} is the same site with the script off.
 */
@ExtendWith(LocalStackExtension.class)
class ScriptedBrowserTest {
  static final Duration PAGES_UPDATE_WITHIN = Duration.ofSeconds(5);
  static final String PASSWORD = "a good long password";

  /** Set on {@code window} before a form is sent: it survives only if no page was loaded. */
  static final String MARKER = "window.__noPageLoad";

  @TempDir Path scratch;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    browser = Chromium.start(scratch);
    wait = new WebDriverWait(browser, Duration.ofSeconds(5));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void signingUpShowsAnErrorInPlaceThenSignsIn(LocalStack stack) {
    String name = Names.unique("js");
    open(stack, "/signup/");
    assertThat(path())
        .as("the edge sends a reader without a choice to English")
        .isEqualTo("/en/signup/");
    assertThat(visible("[data-when=guest]")).as("guest links before signing up").isNotEmpty();
    assertThat(visible("[data-when=member]")).as("logout before signing up").isEmpty();

    browser.findElement(By.name("username")).sendKeys(name);
    browser.findElement(By.name("email")).sendKeys("not an email");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    markPage();
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
    assertThat(error.getText()).as(this::pageText).isNotBlank();
    WebElement email = browser.findElement(By.name("email"));
    assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(email.getAttribute("aria-describedby")).contains("email-error");
    assertThat(error.findElement(By.xpath("..")).findElement(By.name("email")))
        .as("the error sits in the email field's box")
        .isNotNull();
    assertThat(browser.findElements(By.cssSelector("#username-error, #password-error"))).isEmpty();
    assertThat(browser.findElement(By.name("username")).getAttribute("value")).isEqualTo(name);
    assertNoPageLoad();
    assertThat(stack.store().users().exists(name)).isFalse();

    email.clear();
    email.sendKeys(name + "@example.org");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();

    wait.until(d -> path().equals("/en/") && !marked());
    assertThat(browser.getCurrentUrl()).as(this::pageText).endsWith("/en/#welcome");
    assertThat(browser.findElement(By.id("welcome")).isDisplayed()).isTrue();
    assertThat(stack.store().users().exists(name)).isTrue();
    assertSignedIn();
  }

  @Test
  void postingShowsAnErrorInPlaceThenPutsThePostOnTopWithoutAPageLoad(LocalStack stack) {
    String name = Names.unique("jspost");
    SiteClient api = new SiteClient(stack.siteUrl());
    api.signUp(name, name + "@example.org", PASSWORD);
    api.publish("An older post of " + name);
    logIn(stack, name);
    String home = "/en/users/" + name + "/home/";
    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(
            () -> {
              open(stack, home);
              assertThat(bodies()).containsExactly("An older post of " + name);
            });
    assertSignedIn();
    WebElement form = browser.findElement(By.cssSelector("form.postform"));
    assertThat(form.isDisplayed()).as("the post form on one's own timeline").isTrue();
    WebElement body = form.findElement(By.name("body"));
    markPage();

    form.findElement(By.cssSelector("button[type=submit]")).click();

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body-error")));
    assertThat(error.getText()).as(this::pageText).isNotBlank();
    assertThat(body.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(bodies()).containsExactly("An older post of " + name);
    assertNoPageLoad();

    String text = "Posted with the script, " + name;
    body.sendKeys(text);
    form.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(d -> bodies().size() == 2);
    assertThat(bodies()).containsExactly(text, "An older post of " + name);
    assertThat(browser.findElements(By.id("body-error"))).as("the error is gone").isEmpty();
    assertThat(body.getAttribute("value")).as("the form is emptied").isEmpty();
    WebElement newest = browser.findElement(By.cssSelector("[data-posts] article.post"));
    assertThat(newest.findElement(By.cssSelector("a.author")).getText()).isEqualTo(name);
    assertThat(newest.findElement(By.cssSelector("a.when")).getAttribute("href"))
        .endsWith("/en/users/" + name + "/posts/2/");
    assertThat(browser.findElement(By.id("posted")).isDisplayed()).isTrue();
    assertRelativeTime(newest.findElement(By.tagName("time")));
    assertNoPageLoad();

    SiteClient reader = new SiteClient(stack.siteUrl());
    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(
            () ->
                assertThat(EndToEndTest.postsOn(reader, "/en/users/" + name + "/")).contains(text));
  }

  @Test
  void aSignedInReaderSeesOnlyTheFittingFollowButtonAndFollowsInPlace(LocalStack stack) {
    String reader = Names.unique("jsreader");
    String author = Names.unique("jsauthor");
    new SiteClient(stack.siteUrl()).signUp(reader, reader + "@example.org", PASSWORD);
    new SiteClient(stack.siteUrl()).signUp(author, author + "@example.org", PASSWORD);
    logIn(stack, reader);
    String profile = "/en/users/" + author + "/";
    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(
            () -> {
              open(stack, profile);
              assertThat(browser.findElements(By.cssSelector("[data-follow-user]"))).hasSize(1);
            });
    By follow = By.cssSelector("form[data-follow-state=not-following] button");
    By unfollow = By.cssSelector("form[data-follow-state=following] button");

    wait.until(ExpectedConditions.invisibilityOfElementLocated(unfollow));
    assertThat(browser.findElement(follow).isDisplayed()).isTrue();
    assertThat(followers()).isEqualTo("0");
    markPage();

    browser.findElement(follow).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(unfollow));
    assertThat(browser.findElement(follow).isDisplayed()).isFalse();
    assertThat(followers()).isEqualTo("1");
    assertThat(browser.findElement(By.id("followed")).isDisplayed()).isTrue();
    assertNoPageLoad();
    assertThat(stack.store().follows().isFollowing(reader, author)).isTrue();

    // Neither button on one's own profile.
    open(stack, "/en/users/" + reader + "/");
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-follow-user]")));
  }

  @Test
  void timesReadAsTimeAgoWithTheDateInTheTitle(LocalStack stack) {
    String name = Names.unique("jstime");
    SiteClient api = new SiteClient(stack.siteUrl());
    api.signUp(name, name + "@example.org", PASSWORD);
    api.publish("What time is it, " + name + "?");
    String permalink = "/en/users/" + name + "/posts/1/";
    await()
        .atMost(PAGES_UPDATE_WITHIN)
        .untilAsserted(() -> assertThat(api.get(permalink).statusCode()).isEqualTo(200));

    open(stack, permalink);

    WebElement time = browser.findElement(By.cssSelector("article.post time"));
    wait.until(d -> !time.getAttribute("title").isEmpty());
    assertRelativeTime(time);
    assertThat(time.getAttribute("title")).as("the date the server wrote").contains("UTC");
  }

  @Test
  void theSwitcherTurnsTheSiteArabicAndRightToLeftAndALaterVisitStaysInArabic(LocalStack stack) {
    open(stack, "/");
    assertThat(path()).isEqualTo("/en/");
    assertThat(html("lang")).isEqualTo("en");
    assertThat(html("dir")).isEqualTo("ltr");

    browser.findElement(By.cssSelector("nav.languages a[hreflang=ar]")).click();

    wait.until(d -> path().equals("/ar/"));
    assertThat(browser.getCurrentUrl())
        .as("the switch's parameter is gone")
        .doesNotContain("lang=");
    assertThat(html("lang")).isEqualTo("ar");
    assertThat(html("dir")).isEqualTo("rtl");
    assertThat(browser.findElement(By.cssSelector("nav.languages [aria-current=true]")).getText())
        .isEqualTo("العربية");

    open(stack, "/");
    assertThat(path()).as("the choice is remembered (cookie lang)").isEqualTo("/ar/");
    assertThat(html("dir")).isEqualTo("rtl");
    open(stack, "/login/");
    assertThat(path()).isEqualTo("/ar/login/");
  }

  // --- helpers

  String html(String attribute) {
    return browser.findElement(By.tagName("html")).getAttribute(attribute);
  }

  void open(LocalStack stack, String path) {
    browser.get(stack.siteUrl().resolve(path).toString());
  }

  /** Logs in through the login form and waits for the home timeline it leads to. */
  void logIn(LocalStack stack, String name) {
    open(stack, "/login/");
    browser.findElement(By.name("username")).sendKeys(name);
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    wait.until(d -> path().equals("/en/users/" + name + "/home/"));
  }

  String path() {
    return URI.create(browser.getCurrentUrl()).getPath();
  }

  /** What the reader sees, for failure messages. */
  String pageText() {
    return browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("body")).getText();
  }

  List<WebElement> visible(String css) {
    return browser.findElements(By.cssSelector(css)).stream()
        .filter(WebElement::isDisplayed)
        .toList();
  }

  List<String> bodies() {
    return browser.findElements(By.cssSelector("[data-posts] article.post p.body")).stream()
        .map(WebElement::getText)
        .toList();
  }

  String followers() {
    return browser.findElement(By.cssSelector("[data-count=followers]")).getText();
  }

  void markPage() {
    browser.executeScript(MARKER + " = true;");
  }

  boolean marked() {
    return Boolean.TRUE.equals(browser.executeScript("return " + MARKER + " === true;"));
  }

  void assertNoPageLoad() {
    assertThat(marked()).as("no page was loaded since the form was sent").isTrue();
  }

  /** Signed in: the guest links (sign up, log in) hidden, the logout form shown. */
  void assertSignedIn() {
    wait.until(d -> visible("[data-when=guest]").isEmpty());
    assertThat(browser.findElements(By.cssSelector("[data-when=guest]"))).hasSize(2);
    assertThat(visible("[data-when=member]"))
        .as(this::pageText)
        .singleElement()
        .satisfies(
            logout -> assertThat(logout.getAttribute("action")).endsWith("/api/logout?locale=en"));
  }

  /** "now", "3 seconds ago", "2 minutes ago"…: not the absolute date the server wrote. */
  void assertRelativeTime(WebElement time) {
    wait.until(d -> time.getText().matches("(?i).*(\\bago|\\bnow)"));
    assertThat(time.getText()).doesNotContain("UTC").doesNotContainPattern("\\d{4}");
    assertThat(time.getAttribute("datetime")).isNotBlank();
    assertThat(time.getAttribute("title")).as("the absolute time stays in the title").isNotBlank();
  }
}
