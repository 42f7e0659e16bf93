package dev.microblog.site;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** The user-facing text of one locale, from {@code messages/messages_<locale>.properties}. */
public final class Messages {
  private final Locale locale;
  private final Map<String, String> texts;

  private Messages(Locale locale, Map<String, String> texts) {
    this.locale = locale;
    this.texts = texts;
  }

  static Messages load(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "messages.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Map<String, String> texts = new TreeMap<>();
    for (String key : bundle.keySet()) {
      texts.put(key, bundle.getString(key));
    }
    return new Messages(locale, Map.copyOf(texts));
  }

  /** The text for {@code key} with {@code {0}}-style arguments filled in. */
  public String get(String key, Object... args) {
    String pattern = texts.get(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no message '" + key + "' for " + locale);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  Map<String, String> asMap() {
    return texts;
  }
}
