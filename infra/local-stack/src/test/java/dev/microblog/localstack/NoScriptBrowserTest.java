package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A reader with JavaScript off uses the whole site with plain forms and links: sign up, reach the
 * home timeline, post, see the confirmation, log out.
 */
@ExtendWith(LocalStackExtension.class)
class NoScriptBrowserTest {
  @TempDir Path scratch;
  ChromeDriver browser;

  @BeforeEach
  void openBrowserWithScriptsOff() throws Exception {
    browser = Chromium.start(scratch);
    browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** What the reader sees, for failure messages. */
  String pageText() {
    return browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("body")).getText();
  }

  /** Clicks a form's button and waits for the page the form's answer leads to. */
  void submit(By button, String expectedPath) {
    String from = browser.getCurrentUrl();
    browser.findElement(button).click();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !browser.getCurrentUrl().equals(from) && path().startsWith(expectedPath));
  }

  String path() {
    return java.net.URI.create(browser.getCurrentUrl()).getPath();
  }

  @Test
  void signUpPostAndLogOutWithoutJavaScript(LocalStack stack) {
    String name = Names.unique("nojs");
    browser.get(stack.siteUrl().resolve("/").toString());
    assertThat(path()).as("the edge sends a reader without a choice to English").isEqualTo("/en/");
    browser.findElement(By.cssSelector("a[data-when=guest][href='/en/signup/']")).click();
    assertThat(path()).isEqualTo("/en/signup/");
    // site.js would hide the member-only logout form from a guest: it shows, so scripts are off.
    assertThat(
            browser
                .findElement(By.cssSelector("form[action='/api/logout?locale=en']"))
                .isDisplayed())
        .isTrue();

    browser.findElement(By.name("username")).sendKeys(name);
    browser.findElement(By.name("email")).sendKeys(name + "@example.org");
    browser.findElement(By.name("password")).sendKeys("a good long password");
    submit(By.cssSelector("main form button[type=submit]"), "/en/");

    assertThat(browser.getCurrentUrl()).as(this::pageText).endsWith("/en/#welcome");
    assertThat(browser.findElement(By.id("welcome")).isDisplayed()).isTrue();

    // "Home" asks the functions who is reading; the timeline page appears once the generator
    // has written it.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              browser.get(stack.siteUrl().resolve("/api/home").toString());
              assertThat(path()).isEqualTo("/en/users/" + name + "/home/");
              assertThat(browser.findElements(By.cssSelector("form.postform textarea"))).hasSize(1);
            });

    browser
        .findElement(By.cssSelector("form.postform textarea"))
        .sendKeys("Posted with scripts off");
    submit(By.cssSelector("form.postform button[type=submit]"), "/api/posted/");

    assertThat(browser.findElement(By.cssSelector("main article.post p.body")).getText())
        .isEqualTo("Posted with scripts off");

    submit(By.cssSelector("form[action='/api/logout?locale=en'] button"), "/en/");

    assertThat(browser.getCurrentUrl()).endsWith("/en/#logged-out");
    assertThat(browser.findElement(By.id("logged-out")).isDisplayed()).isTrue();
    assertThat(browser.manage().getCookieNamed("mb_session")).isNull();
    browser.get(stack.siteUrl().resolve("/api/home").toString());
    assertThat(path()).isEqualTo("/en/login/");
  }
}
