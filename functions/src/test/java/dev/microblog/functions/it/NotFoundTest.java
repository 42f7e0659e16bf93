package dev.microblog.functions.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.functions.it.Browser.Reply;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths no function serves. The CDN falls back to the functions when the bucket has no page, so
 * readers must get the site's own not-found page (the generator's /404.html), cacheable briefly.
 */
@ExtendWith(Site.class)
class NotFoundTest {
  private static final Messages T = Templates.fromClasspath().messages(SiteLocale.EN);

  @ParameterizedTest
  @ValueSource(strings = {"/users/nobody/index.html", "/users/nobody/", "/no/such/page", "/"})
  void aPageNobodyPublishedIsTheSitesNotFoundPage(String path, Browser browser) {
    Reply reply = browser.get(path);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.html().select("h1").text()).isEqualTo(T.get("notfound_title"));
    assertThat(reply.html().select("main p").first().text()).isEqualTo(T.get("notfound_body"));
    assertThat(reply.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=0, s-maxage=1");
  }

  @Test
  void anApiPathNobodyServesIsNeverCached(Browser browser) {
    Reply page = browser.get("/api/nope");
    Reply json = browser.getJson("/api/nope");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.html().select("h1").text()).isEqualTo(T.get("notfound_title"));
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.json().get("errors").get("form").asText()).isEqualTo(T.get("notfound_body"));
    assertThat(json.body()).doesNotContain("_embedded", "_links", "\"message\"");
    assertThat(json.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void aScriptAskingForAMissingPageGetsJson(Browser browser) {
    Reply json = browser.getJson("/users/nobody/following.json");

    assertThat(json.status()).isEqualTo(404);
    assertThat(json.json().get("errors").get("form").asText()).isEqualTo(T.get("notfound_body"));
  }

  @Test
  void writesToPathsNobodyServesAreNotCached(Browser browser) {
    Reply reply = browser.post("/users/nobody/", Map.of());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void aWrongMethodIsRefusedInTheSitesWords(Browser browser) {
    Reply page = browser.get("/api/signup");
    Reply json = browser.getJson("/api/posts");

    assertThat(page.status()).isEqualTo(405);
    assertThat(page.html().select("main .error").text())
        .isEqualTo(T.get("error_method_not_allowed"));
    assertThat(json.status()).isEqualTo(405);
    assertThat(json.json().get("errors").get("form").asText())
        .isEqualTo(T.get("error_method_not_allowed"));
    assertThat(json.headers().firstValue("Cache-Control")).hasValue("no-store");
  }
}
