package dev.microblog.functions.posting;

import static dev.microblog.functions.Checks.orEmpty;

import dev.microblog.core.domain.PostLanguages;
import dev.microblog.core.domain.Rules;
import dev.microblog.site.Messages;
import java.util.LinkedHashMap;
import java.util.Map;

/** The post form as typed. {@code lang} empty: detect the post's language. */
public record PostInput(String body, String lang) {
  public PostInput {
    body = orEmpty(body);
    lang = orEmpty(lang).strip();
  }

  public PostInput(String body) {
    this(body, "");
  }

  /**
   * The text as stored: without surrounding white space, and with the CR LF line breaks browsers
   * send turned into LF, so a line break counts as one character, as the page's counter shows it.
   */
  public String normalizedBody() {
    return body.replace("\r\n", "\n").strip();
  }

  /** Characters as people count them: an emoji is one (Unicode code points). */
  public int length() {
    String text = normalizedBody();
    return text.codePointCount(0, text.length());
  }

  public Map<String, String> errors(Messages t) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (normalizedBody().isEmpty()) {
      errors.put("body", t.get("error_post_empty"));
    } else if (length() > Rules.POST_MAX) {
      errors.put("body", t.get("error_post_too_long", Rules.POST_MAX, length()));
    }
    if (!lang.isEmpty() && !PostLanguages.isKnown(lang)) {
      errors.put("lang", t.get("error_post_lang_unknown"));
    }
    return errors;
  }
}
