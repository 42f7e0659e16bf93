package dev.microblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.core.domain.ApiPaths;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
  private final Messages english = templates.messages(Locale.ENGLISH);

  @Test
  void every_message_a_template_names_exists() throws Exception {
    // Mustache renders a missing key as nothing: a typo would silently blank a label.
    Set<String> missing = new TreeSet<>();
    int references = 0;
    for (Path template : templateFiles()) {
      Matcher m = MESSAGE_REFERENCE.matcher(Files.readString(template));
      while (m.find()) {
        references++;
        if (!english.asMap().containsKey(m.group(1))) {
          missing.add(template.getFileName() + ": " + m.group(1));
        }
      }
    }
    assertThat(references).as("message references found").isGreaterThan(20);
    assertThat(missing).isEmpty();
  }

  @Test
  void a_form_sent_back_keeps_the_input_escaped_and_shows_each_error_by_its_field() {
    String html =
        templates.render(
            "signup",
            Locale.ENGLISH,
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
    var page = Jsoup.parse(templates.render("login", Locale.ENGLISH, Map.of()));
    assertThat(page.select("form.card").attr("action")).isEqualTo(ApiPaths.LOGIN);
    assertThat(page.select("header a").eachAttr("href")).contains(ApiPaths.home());
    assertThat(page.select("header form").attr("action")).isEqualTo(ApiPaths.LOGOUT);
  }

  @Test
  void the_page_script_spells_no_url_it_can_read_from_the_page() throws Exception {
    String script =
        Files.readString(Path.of(TemplatesTest.class.getResource("/assets/site.js").toURI()));
    assertThat(script)
        .as("site.js names a path of the functions")
        .doesNotContain(ApiPaths.ROOT + "/");
    assertThat(script).as("site.js builds a page URL itself").doesNotContain("\"/users/");
    var body = Jsoup.parse(templates.render("login", Locale.ENGLISH, Map.of())).body();
    assertThat(body.attr("data-timeline-url")).isEqualTo("/users/{user}/home/");
    assertThat(body.attr("data-following-url")).isEqualTo("/users/{user}/following.json");
    assertThat(body.select("a[data-home]").attr("href")).isEqualTo(ApiPaths.home());
  }

  @Test
  void messages_with_arguments_are_formatted_and_unknown_keys_are_an_error() {
    assertThat(english.get("error_post_too_long", 280, 300)).contains("280").contains("300");
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
            templates.render("signup", Locale.ENGLISH, Forms.signup(english, Map.of(), Map.of())));

    assertThat(page.selectFirst("#username").attr("maxlength")).isEqualTo("30");
    assertThat(page.selectFirst("#username-hint").text()).startsWith("3 to 30 characters");
    assertThat(page.selectFirst("#password").attr("maxlength")).isEqualTo("128");
    assertThat(page.selectFirst("#password-hint").text()).isEqualTo("At least 8 characters.");
    assertThat(page.selectFirst("#email").attr("maxlength")).isEqualTo("254");
  }
}
