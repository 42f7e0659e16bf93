package dev.microblog.site;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user-facing text of one locale, from {@code messages/messages_<tag>.properties} (UTF-8), as
 * ICU message patterns: arguments by number ({@code {0}}), plurals by the locale's CLDR rules
 * ({@code {0, plural, one {# post} other {# posts}}}). No locale falls back on another: a key one
 * of them lacks fails the build (MessagesTest), never shows up as English on a Spanish page.
 */
public final class Messages {
  private final Locale locale;
  private final Map<String, String> patterns;
  private final Map<String, String> texts;

  private Messages(Locale locale, Map<String, String> patterns) {
    this.locale = locale;
    this.patterns = patterns;
    Map<String, String> plain = new TreeMap<>();
    // Templates read texts without arguments directly ({{t.key}}): formatted once, here, so that
    // ICU's quoting rules apply to them too.
    patterns.forEach((key, pattern) -> plain.put(key, format(key, pattern)));
    this.texts = Map.copyOf(plain);
  }

  static Messages load(Locale locale) {
    String file = "messages/messages_" + locale.toLanguageTag() + ".properties";
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalArgumentException("no messages for " + locale + " (" + file + ")");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> patterns = new TreeMap<>();
      properties.stringPropertyNames().forEach(k -> patterns.put(k, properties.getProperty(k)));
      return new Messages(locale, Map.copyOf(patterns));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The text for {@code key} with its arguments ({@code {0}}, {@code {1}}, …) filled in. */
  public String get(String key, Object... args) {
    String pattern = patterns.get(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no message '" + key + "' for " + locale);
    }
    return args.length == 0 ? texts.get(key) : format(key, pattern, args);
  }

  public Locale locale() {
    return locale;
  }

  /** Every key of this locale, for the check that no locale lacks one. */
  public java.util.Set<String> keys() {
    return patterns.keySet();
  }

  private String format(String key, String pattern, Object... args) {
    try {
      return new MessageFormat(pattern, ULocale.forLocale(locale)).format(args);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "message '" + key + "' for " + locale + " is not a valid pattern: " + e.getMessage(), e);
    }
  }

  Map<String, String> asMap() {
    return texts;
  }
}
