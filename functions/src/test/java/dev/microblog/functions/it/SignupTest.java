package dev.microblog.functions.it;

import static dev.microblog.functions.it.Browser.PASSWORD;
import static dev.microblog.functions.it.Browser.signupForm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(Site.class)
class SignupTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);

  @Test
  void signingUpStoresTheUserLogsInAndWelcomes(Browser browser, Site.Running site) {
    String name = Site.freshName("new");
    Reply reply =
        browser.post(
            "/api/signup", signupForm(name.toUpperCase(), name + "@Example.org", PASSWORD));

    assertThat(reply.status()).isEqualTo(303);
    assertThat(reply.location()).isEqualTo("/en/#welcome");
    String session = reply.setCookieHeader("mb_session");
    assertThat(session)
        .containsIgnoringCase("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/");
    assertThat(session).doesNotContain("Secure"); // microblog.cookies.secure is off locally
    assertThat(reply.setCookie("mb_session").getValue()).hasSizeGreaterThanOrEqualTo(43);
    String user = reply.setCookieHeader("mb_user");
    assertThat(reply.setCookie("mb_user").getValue()).isEqualTo(name);
    assertThat(user)
        .doesNotContainIgnoringCase("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/");

    var profile = site.item("USER#" + name, "PROFILE");
    assertThat(profile.get("username").s()).isEqualTo(name);
    assertThat(profile.get("passwordHash").s()).startsWith("$argon2id$").doesNotContain(PASSWORD);
    assertThat(site.item("EMAIL#" + name + "@example.org", "EMAIL")).isNotEmpty();

    // The new session works: "Home" leads to the new user's timeline.
    assertThat(browser.get("/api/home").location()).isEqualTo("/en/users/" + name + "/home/");
  }

  @Test
  void theScriptGetsJsonAndTheSameCookies(Browser browser) {
    String name = Site.freshName("json");
    Reply reply =
        browser.postForJson("/api/signup", signupForm(name, name + "@example.org", PASSWORD));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("ok").asBoolean()).isTrue();
    assertThat(reply.json().get("redirect").asText()).isEqualTo("/en/#welcome");
    assertThat(reply.setCookie("mb_user").getValue()).isEqualTo(name);
    assertThat(reply.setCookie("mb_session").getValue()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          empty username         | ''                              | x@example.org | correct horse | username | error_required
          too short username     | ab                              | x@example.org | correct horse | username | error_username_format
          too long username      | abcdefghijklmnopqrstuvwxyz_12345 | x@example.org | correct horse | username | error_username_format
          bad characters         | bad name!                       | x@example.org | correct horse | username | error_username_format
          empty email            | valid_name                      | ''            | correct horse | email    | error_required
          malformed email        | valid_name                      | x@localhost   | correct horse | email    | error_email_format
          email without at       | valid_name                      | example.org   | correct horse | email    | error_email_format
          short password         | valid_name                      | x@example.org | 1234567       | password | error_password_short
          """)
  void badInputIsShownNextToItsFieldAndNothingIsWritten(
      String why,
      String username,
      String email,
      String password,
      String field,
      String messageKey,
      Browser browser,
      Site.Running site) {
    Reply reply =
        site.writingNothing(
            () -> browser.post("/api/signup", signupForm(username, email, password)));

    assertThat(reply.status()).isEqualTo(400);
    Document page = reply.html();
    assertThat(page.select("#" + field + "-error").text())
        .isEqualTo(
            switch (messageKey) {
              case "error_password_short" -> T.get(messageKey, 8);
              case "error_username_format" -> T.get(messageKey, 3, 30);
              default -> T.get(messageKey);
            });
    assertThat(page.select(".error").size()).isEqualTo(1);
    assertThat(page.select("#username").attr("value")).isEqualTo(username);
    assertThat(page.select("#email").attr("value")).isEqualTo(email);
    assertThat(page.select("#password").attr("value")).isEmpty();
    assertThat(reply.body()).doesNotContain(password);
    assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void badInputAsJsonNamesEveryField(Browser browser, Site.Running site) {
    Reply reply =
        site.writingNothing(
            () -> browser.postForJson("/api/signup", signupForm("no", "nope", "short")));

    assertThat(reply.status()).isEqualTo(400);
    var errors = reply.json().get("errors");
    assertThat(errors.get("username").asText()).isEqualTo(T.get("error_username_format", 3, 30));
    assertThat(errors.get("email").asText()).isEqualTo(T.get("error_email_format"));
    assertThat(errors.get("password").asText()).isEqualTo(T.get("error_password_short", 8));
  }

  @Test
  void aTakenUsernameIsRefusedWhateverItsCase(Browser browser, Site.Running site) {
    String name = site.signedUpUser("taken");

    Reply reply =
        site.writingNothing(
            () ->
                browser.post(
                    "/api/signup",
                    signupForm(name.toUpperCase(), "other-" + name + "@example.org", PASSWORD)));

    assertThat(reply.status()).isEqualTo(409);
    Document page = reply.html();
    assertThat(page.select("#username-error").text()).isEqualTo(T.get("error_username_taken"));
    assertThat(page.select("#email-error")).isEmpty();
    assertThat(page.select("#username").attr("value")).isEqualTo(name.toUpperCase());
    assertThat(page.select("#email").attr("value")).isEqualTo("other-" + name + "@example.org");
    assertThat(page.select("#password").attr("value")).isEmpty();
  }

  @Test
  void aTakenEmailIsRefusedWhateverItsCase(Browser browser, Site.Running site) {
    String name = site.signedUpUser("mail");

    Reply reply =
        site.writingNothing(
            () ->
                browser.post(
                    "/api/signup",
                    signupForm(name + "_2", name.toUpperCase() + "@EXAMPLE.ORG", PASSWORD)));

    assertThat(reply.status()).isEqualTo(409);
    Document page = reply.html();
    assertThat(page.select("#email-error").text()).isEqualTo(T.get("error_email_taken"));
    assertThat(page.select("#username-error")).isEmpty();
  }

  @Test
  void whenBothAreTakenBothFieldsSaySo(Browser browser, Site.Running site) {
    String name = site.signedUpUser("both");

    Reply reply =
        site.writingNothing(
            () ->
                browser.postForJson(
                    "/api/signup", signupForm(name, name + "@example.org", "another password")));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().get("errors").get("username").asText())
        .isEqualTo(T.get("error_username_taken"));
    assertThat(reply.json().get("errors").get("email").asText())
        .isEqualTo(T.get("error_email_taken"));
  }

  @Test
  void theSameSignupSentAgainSignsThePersonInInsteadOfCallingTheirNameTaken(
      Browser browser, Site.Running site) {
    // As after a "try again" answer whose account was written before the answer failed.
    String name = site.signedUpUser("again");

    Reply reply =
        browser.postForJson("/api/signup", signupForm(name, name + "@example.org", PASSWORD));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("ok").asBoolean()).isTrue();
    assertThat(reply.setCookie("mb_user").getValue()).isEqualTo(name);
    assertThat(reply.setCookie("mb_session").getValue()).isNotBlank();
  }
}
