package dev.microblog.core.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the site is written in. Every reader page exists once per locale, under {@code
 * /{tag}/}; the first is the default, for readers whose browser asks for none of them.
 */
public enum SiteLocale {
  EN("en", "English", false),
  ES("es", "Español", false),
  AR("ar", "العربية", true);

  /** The cookie the language switcher sets, read at the edge and by the functions. */
  public static final String COOKIE = "lang";

  public static final SiteLocale DEFAULT = EN;

  public static final List<SiteLocale> ALL = List.of(values());

  private final String tag;
  private final String autonym;
  private final boolean rightToLeft;
  private final Locale locale;

  SiteLocale(String tag, String autonym, boolean rightToLeft) {
    this.tag = tag;
    this.autonym = autonym;
    this.rightToLeft = rightToLeft;
    this.locale = Locale.forLanguageTag(tag);
  }

  /** The BCP 47 tag, as in {@code <html lang>} and the first segment of every page's path. */
  public String tag() {
    return tag;
  }

  /** The language's name in itself, as the switcher shows it to readers of any language. */
  public String autonym() {
    return autonym;
  }

  public Locale locale() {
    return locale;
  }

  /** The value of {@code <html dir>}. */
  public String dir() {
    return rightToLeft ? "rtl" : "ltr";
  }

  /**
   * The locale to answer a reader in: the switcher's cookie if it names a site locale, else the
   * best match for the browser's {@code Accept-Language} ({@link AcceptLanguage}), else {@link
   * #DEFAULT}. Either argument may be null or anything at all.
   */
  public static SiteLocale negotiate(String cookieValue, String acceptLanguage) {
    return of(cookieValue).or(() -> AcceptLanguage.lookup(acceptLanguage)).orElse(DEFAULT);
  }

  /** The site locale with this tag, exactly (as in a path or the cookie). */
  public static Optional<SiteLocale> of(String tag) {
    return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
  }
}
