package dev.microblog.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.SiteLocale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No page, form error or reply shows a missing text in any language: every key a template or the
 * Java code names exists in every locale, and every locale's patterns are valid ICU messages. A
 * failure names the key and the locale.
 */
class MessagesTest {
  private static final Pattern IN_TEMPLATES = Pattern.compile("\\{\\{[#^/]?t\\.([a-z0-9_]+)");

  /** A message looked up by Java code: {@code t.get("key"} or {@code messages(…).get("key"}. */
  private static final Pattern IN_JAVA =
      Pattern.compile("(?:\\bt|messages\\([^)]*\\))\\.get\\(\\s*\"([a-z0-9_]+)\"\\s*[,)]");

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private final Templates templates = Templates.fromClasspath();

  @Test
  void every_locale_has_the_same_keys() {
    Set<String> english = templates.messages(SiteLocale.DEFAULT).keys();
    assertThat(english).hasSizeGreaterThan(80);
    for (SiteLocale locale : SiteLocale.ALL) {
      Set<String> keys = templates.messages(locale).keys();
      assertThat(missing(english, keys)).as("keys %s lacks", locale.tag()).isEmpty();
      assertThat(missing(keys, english)).as("keys only %s has", locale.tag()).isEmpty();
    }
  }

  @Test
  void every_key_a_template_or_the_code_names_exists_in_every_locale() throws IOException {
    Set<String> used = new TreeSet<>();
    used.addAll(keysIn(REPO.resolve("site-templates/src/main/resources/templates"), IN_TEMPLATES));
    Set<String> inJava = new TreeSet<>();
    for (String module : new String[] {"functions", "generator", "site-templates"}) {
      inJava.addAll(keysIn(REPO.resolve(module).resolve("src/main/java"), IN_JAVA));
    }
    assertThat(inJava).as("keys found in the Java code").hasSizeGreaterThan(20);
    used.addAll(inJava);
    for (SiteLocale locale : SiteLocale.ALL) {
      assertThat(missing(used, templates.messages(locale).keys()))
          .as("keys used but missing in %s", locale.tag())
          .isEmpty();
    }
  }

  @Test
  void every_pattern_is_a_valid_icu_message_in_its_locale() {
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
      for (String key : t.keys()) {
        assertThat(t.get(key, 3, 7, 11)).as("%s in %s", key, locale.tag()).isNotBlank();
      }
    }
  }

  @Test
  void counts_follow_each_locales_plural_rules() {
    Messages spanish = templates.messages(SiteLocale.ES);
    assertThat(spanish.get("error_post_too_long", 280, 1)).endsWith("esta tiene 1 carácter.");
    assertThat(spanish.get("error_post_too_long", 280, 300)).endsWith("esta tiene 300 caracteres.");
    // Arabic has six plural forms: the text changes for 1, 2, 3–10, 11–99 and 100.
    Messages arabic = templates.messages(SiteLocale.AR);
    assertThat(arabic.get("error_post_too_long", 280, 1)).endsWith("حرف واحد.");
    assertThat(arabic.get("error_post_too_long", 280, 2)).endsWith("حرفان.");
    assertThat(arabic.get("error_post_too_long", 280, 3)).endsWith(" 3 أحرف.");
    assertThat(arabic.get("error_post_too_long", 280, 11)).endsWith(" 11 حرفًا.");
    assertThat(arabic.get("error_post_too_long", 280, 100)).endsWith(" 100 حرف.");
  }

  private static Set<String> missing(Set<String> wanted, Set<String> present) {
    Set<String> missing = new TreeSet<>(wanted);
    missing.removeAll(present);
    return missing;
  }

  private static Set<String> keysIn(Path root, Pattern reference) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Matcher m = reference.matcher(Files.readString(file));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }
}
