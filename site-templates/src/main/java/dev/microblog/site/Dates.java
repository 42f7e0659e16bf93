package dev.microblog.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How pages show a moment: every {@code <time>} of the site gets its {@code datetime} attribute and
 * its text from here, so a post's time and a join date read alike on every page, whether the
 * generator or a function rendered it. Times are in UTC: a static page cannot know its reader's
 * zone (the page script shows "3 minutes ago" instead).
 */
public final class Dates {
  private Dates() {}

  /** The machine-readable form, for {@code <time datetime>} (ISO-8601, UTC). */
  public static String iso(Instant moment) {
    return moment.toString();
  }

  /** A moment to the second, as a post's time reads ("Jan 5, 2026, 3:04:05 PM UTC"). */
  public static String dateTime(Instant moment, Locale locale) {
    return DATE_TIME.computeIfAbsent(locale, Dates::dateTimeFormat).format(moment) + " UTC";
  }

  /** A day, as a join date reads ("January 5, 2026"). */
  public static String date(Instant moment, Locale locale) {
    return DATE.computeIfAbsent(locale, Dates::dateFormat).format(moment);
  }

  /** Formatters are immutable and costly to build: a full build shows each post many times. */
  private static final Map<Locale, DateTimeFormatter> DATE_TIME = new ConcurrentHashMap<>();

  private static final Map<Locale, DateTimeFormatter> DATE = new ConcurrentHashMap<>();

  private static DateTimeFormatter dateTimeFormat(Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(locale)
        .withZone(ZoneOffset.UTC);
  }

  private static DateTimeFormatter dateFormat(Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale)
        .withZone(ZoneOffset.UTC);
  }
}
