package dev.microblog.core.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The languages a post may be marked with: the ones the functions' detector knows, and the choices
 * of the post form's language select. Each is named in itself (its autonym), so that a reader finds
 * their language whatever language the page is in.
 */
public final class PostLanguages {
  /** By BCP 47 tag, in the form's order: the site's own languages first, then the most used. */
  public static final Map<String, String> AUTONYMS = autonyms();

  private PostLanguages() {}

  public static boolean isKnown(String tag) {
    return AUTONYMS.containsKey(tag);
  }

  private static Map<String, String> autonyms() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("en", "English");
    names.put("es", "Español");
    names.put("ar", "العربية");
    names.put("fr", "Français");
    names.put("de", "Deutsch");
    names.put("pt", "Português");
    names.put("it", "Italiano");
    names.put("nl", "Nederlands");
    names.put("ru", "Русский");
    names.put("uk", "Українська");
    names.put("pl", "Polski");
    names.put("tr", "Türkçe");
    names.put("sv", "Svenska");
    names.put("id", "Bahasa Indonesia");
    names.put("vi", "Tiếng Việt");
    names.put("fa", "فارسی");
    names.put("he", "עברית");
    names.put("hi", "हिन्दी");
    names.put("zh", "中文");
    names.put("ja", "日本語");
    names.put("ko", "한국어");
    return Collections.unmodifiableMap(names);
  }
}
