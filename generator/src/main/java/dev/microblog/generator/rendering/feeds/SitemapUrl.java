package dev.microblog.generator.rendering.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page in a sitemap, and the same page in the site's other languages.
 *
 * @param loc the page's absolute URL
 * @param lastModified when it last changed, or null when that is not known
 * @param alternates the page in every language, itself included, and {@code x-default}; empty for a
 *     page that exists in one language only
 */
public record SitemapUrl(String loc, Instant lastModified, List<Alternate> alternates) {
  /** The hreflang for readers whose language is none of the site's. */
  public static final String X_DEFAULT = "x-default";

  public SitemapUrl {
    Objects.requireNonNull(loc, "loc");
    alternates = List.copyOf(alternates);
  }

  /** An {@code <xhtml:link rel="alternate">}: the page in the language {@code hreflang}. */
  public record Alternate(String hreflang, String href) {
    public Alternate {
      Objects.requireNonNull(hreflang, "hreflang");
      Objects.requireNonNull(href, "href");
    }
  }

  /**
   * The URLs of a page that exists once per language: one entry per language, each listing all of
   * them and {@code x-default}, as search engines want (every version names every other, and
   * itself).
   *
   * @param hrefByLang the page's URL by language tag, in the order the alternates are listed
   * @param defaultLang the language readers of no listed language get
   */
  public static List<SitemapUrl> localized(
      Map<String, String> hrefByLang, String defaultLang, Instant lastModified) {
    String fallback = hrefByLang.get(defaultLang);
    if (fallback == null) {
      throw new IllegalArgumentException("no URL for the default language " + defaultLang);
    }
    List<Alternate> alternates = new ArrayList<>();
    hrefByLang.forEach((lang, href) -> alternates.add(new Alternate(lang, href)));
    alternates.add(new Alternate(X_DEFAULT, fallback));
    return hrefByLang.values().stream()
        .map(href -> new SitemapUrl(href, lastModified, alternates))
        .toList();
  }
}
