package dev.microblog.core.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code Accept-Language} header (RFC 9110 section 12.5.4) and picks a site locale by RFC
 * 4647 lookup. The site's tags are single primary subtags, so lookup's truncation ({@code es-MX} →
 * {@code es}) reduces to comparing a range's primary subtag; and since ranges that match nothing
 * are skipped, taking the matching range with the highest weight (the first of equals) is the same
 * as trying the ranges in descending weight. The edge function in template.yaml does exactly this,
 * step for step; EdgeFunctionTest checks that they agree.
 */
final class AcceptLanguage {
  private AcceptLanguage() {}

  /** One list element: a language range, or {@code *}, with an optional weight. */
  private static final Pattern ELEMENT =
      Pattern.compile(
          "([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\\*)"
              + "(?:[ \\t]*;[ \\t]*[qQ]=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?");

  private static final Pattern OUTER_WHITESPACE = Pattern.compile("^[ \\t]+|[ \\t]+\\z");

  /**
   * The site locale the header asks for most, if any; a header that breaks the grammar anywhere
   * counts as absent, rather than being half read.
   */
  static Optional<SiteLocale> lookup(String header) {
    if (header == null) {
      return Optional.empty();
    }
    SiteLocale best = null;
    int bestWeight = 0;
    for (String raw : header.split(",", -1)) {
      String element = OUTER_WHITESPACE.matcher(raw).replaceAll("");
      if (element.isEmpty()) {
        continue; // the list syntax allows empty elements
      }
      Matcher m = ELEMENT.matcher(element);
      if (!m.matches()) {
        return Optional.empty();
      }
      int weight = thousandths(m.group(2));
      String primary = m.group(1).split("-", -1)[0].toLowerCase(Locale.ROOT);
      Optional<SiteLocale> locale = SiteLocale.of(primary);
      if (locale.isPresent() && weight > bestWeight) {
        best = locale.get();
        bestWeight = weight; // q=0 never gets here: 0 is not more than the starting 0
      }
    }
    return Optional.ofNullable(best);
  }

  /** A qvalue as an integer: {@code 0.5} is 500; no weight is 1, i.e. 1000. */
  private static int thousandths(String q) {
    if (q == null) {
      return 1000;
    }
    String fraction = (q.length() > 2 ? q.substring(2) : "") + "000";
    return (q.charAt(0) - '0') * 1000 + Integer.parseInt(fraction.substring(0, 3));
  }
}
