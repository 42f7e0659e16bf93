package dev.microblog.functions.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The functions take forms only (the page's script sends the form too). A JSON body, well-typed,
 * wrongly typed or malformed, is refused with 415 in the site's shape, and nothing is written.
 */
@ExtendWith(Site.class)
class JsonBodyTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          /api/posts       | {"body": 5}
          /api/posts       | {"body": "a well-typed post"}
          /api/signup      | {"username": ["a"], "email": "a@example.org", "password": "x"}
          /api/login       | {"username": "a", "password": "b"}
          /api/follow/bob  | {}
          /api/posts       | {"body":
          /api/signup      | not json at all
          """)
  void aJsonBodyIsRefusedInTheSitesShape(
      String path, String body, Browser browser, Site.Running site) {
    browser.signUp(Site.freshName("jsonbody"));

    Reply json =
        site.writingNothing(
            () ->
                browser.send(
                    HttpRequest.newBuilder(browser.base().resolve(path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Origin", Site.SITE_ORIGIN)
                        .POST(HttpRequest.BodyPublishers.ofString(body))));
    Reply page =
        browser.send(
            HttpRequest.newBuilder(browser.base().resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "text/html")
                .header("Origin", Site.SITE_ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(json.status()).as(json.body()).isEqualTo(415);
    assertThat(json.json().properties()).extracting(Map.Entry::getKey).containsExactly("errors");
    assertThat(json.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_unsupported_type"));
    assertThat(json.body()).doesNotContain("_embedded", "_links", "\"message\"");
    assertThat(page.status()).isEqualTo(415);
    assertThat(page.html().select("main .error").text()).isEqualTo(T.get("error_unsupported_type"));
  }
}
