package dev.microblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.SiteLocale;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private static final Pattern MESSAGE_REFERENCE = Pattern.compile("\\{\\{[#^/]?t\\.([a-z0-9_]+)");
  private final Templates templates = Templates.fromClasspath();
  private final Messages english = templates.messages(SiteLocale.EN);

  @Test
  void a_form_sent_back_keeps_the_input_escaped_and_shows_each_error_by_its_field() {
    String html =
        templates.render(
            "signup",
            SiteLocale.EN,
            null,
            Forms.signup(
                english,
                Map.of("username", "<b>bob</b>", "email", "bob@example.org", "password", "secret"),
                Map.of("username", "taken", "password", "too short")));

    var page = Jsoup.parse(html);
    assertThat(page.select("#username").val()).isEqualTo("<b>bob</b>");
    assertThat(page.select("#email").val()).isEqualTo("bob@example.org");
    assertThat(page.select("#password").val()).as("a password is never sent back").isEmpty();
    assertThat(page.select("#username-error").text()).isEqualTo("taken");
    assertThat(page.select("#password-error").text()).isEqualTo("too short");
    assertThat(page.select("#email-error")).isEmpty();
    assertThat(page.select("#username").attr("aria-describedby")).isEqualTo("username-error");
    assertThat(html).doesNotContain("<b>bob</b>");
  }

  @Test
  void the_functions_urls_come_from_api_paths_not_from_the_templates() throws Exception {
    Pattern comment = Pattern.compile("\\{\\{!.*?}}", Pattern.DOTALL);
    for (Path template : templateFiles()) {
      String markup = comment.matcher(Files.readString(template)).replaceAll("");
      assertThat(markup).as(template.getFileName().toString()).doesNotContain(ApiPaths.ROOT + "/");
    }
    var page = Jsoup.parse(templates.render("login", SiteLocale.EN, null, Map.of()));
    // Each form says which language the page was in, so the function answers in it.
    assertThat(page.select("form.card").attr("action")).isEqualTo(ApiPaths.LOGIN + "?locale=en");
    assertThat(page.select("header a").eachAttr("href")).contains(ApiPaths.home() + "?locale=en");
    assertThat(page.select("header form").attr("action")).isEqualTo(ApiPaths.LOGOUT + "?locale=en");
  }

  @Test
  void the_page_script_spells_no_url_it_can_read_from_the_page() throws Exception {
    String script =
        Files.readString(Path.of(TemplatesTest.class.getResource("/assets/site.js").toURI()));
    assertThat(script)
        .as("site.js names a path of the functions")
        .doesNotContain(ApiPaths.ROOT + "/");
    assertThat(script).as("site.js builds a page URL itself").doesNotContain("\"/users/");
    var body = Jsoup.parse(templates.render("login", SiteLocale.EN, null, Map.of())).body();
    assertThat(body.attr("data-timeline-url")).isEqualTo("/en/users/{user}/home/");
    assertThat(body.attr("data-following-url")).isEqualTo("/data/users/{user}/following.json");
    assertThat(body.select("a[data-home]").attr("href")).isEqualTo(ApiPaths.home() + "?locale=en");
  }

  @Test
  void messages_with_arguments_are_formatted_and_unknown_keys_are_an_error() {
    assertThat(english.get("error_post_too_long", 280, 300))
        .isEqualTo("A post can have at most 280 characters; this one has 300 characters.");
    assertThat(english.get("error_post_too_long", 280, 1)).endsWith("this one has 1 character.");
    assertThatThrownBy(() -> english.get("no_such_message"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Iterable<Path> templateFiles() throws IOException, URISyntaxException {
    Path root = Path.of(TemplatesTest.class.getResource("/templates").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".mustache")).toList();
    }
  }

  @Test
  void no_template_names_a_message_that_needs_arguments() throws Exception {
    // Templates print messages as they are: "{0}" would reach the reader. Java fills those in.
    Set<String> needingArguments = new TreeSet<>();
    for (Path template : templateFiles()) {
      Matcher m = MESSAGE_REFERENCE.matcher(Files.readString(template));
      while (m.find()) {
        String text = english.asMap().getOrDefault(m.group(1), "");
        if (text.matches("(?s).*\\{\\d.*")) {
          needingArguments.add(template.getFileName() + ": " + m.group(1));
        }
      }
    }
    assertThat(needingArguments).isEmpty();
  }

  @Test
  void the_signup_form_says_and_enforces_the_limits_the_server_checks() {
    var page =
        Jsoup.parse(
            templates.render(
                "signup", SiteLocale.EN, null, Forms.signup(english, Map.of(), Map.of())));

    assertThat(page.selectFirst("#username").attr("maxlength")).isEqualTo("30");
    assertThat(page.selectFirst("#username-hint").text()).startsWith("3 to 30 characters");
    assertThat(page.selectFirst("#password").attr("maxlength")).isEqualTo("128");
    assertThat(page.selectFirst("#password-hint").text()).isEqualTo("At least 8 characters.");
    assertThat(page.selectFirst("#email").attr("maxlength")).isEqualTo("254");
  }

  @Test
  void every_page_says_its_language_and_direction_and_links_to_itself_in_the_others() {
    var arabic = Jsoup.parse(templates.render("login", SiteLocale.AR, "/ar/login/", Map.of()));
    assertThat(arabic.select("html").attr("lang")).isEqualTo("ar");
    assertThat(arabic.select("html").attr("dir")).isEqualTo("rtl");
    assertThat(arabic.select("link[rel=alternate]").eachAttr("hreflang"))
        .containsExactly("en", "es", "ar");
    assertThat(arabic.select("link[rel=alternate][hreflang=es]").attr("href"))
        .isEqualTo("/es/login/");
    // The switcher names each language in itself and asks the edge to remember the choice.
    var switcher = arabic.select("nav.languages a");
    assertThat(switcher.eachText()).containsExactly("English", "Español");
    assertThat(switcher.eachAttr("href"))
        .containsExactly("/en/login/?lang=en", "/es/login/?lang=es");
    assertThat(arabic.select("nav.languages [aria-current]").text()).isEqualTo("العربية");
    assertThat(arabic.select("form.card").attr("action")).endsWith("?locale=ar");

    var spanish = Jsoup.parse(templates.render("login", SiteLocale.ES, "/es/login/", Map.of()));
    assertThat(spanish.select("html").attr("dir")).isEqualTo("ltr");
    assertThat(spanish.select("h1").text()).isEqualTo("Iniciar sesión");
    assertThat(spanish.select("a[href=/es/signup/]")).isNotEmpty();
  }
}
