package dev.microblog.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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
    return ISO.text(moment);
  }

  /** A moment to the second, as a post's time reads ("Jan 5, 2026, 3:04:05 PM UTC"). */
  public static String dateTime(Instant moment, Locale locale) {
    return DATE_TIME
        .computeIfAbsent(locale, l -> new Remembered(dateTimeFormat(l), " UTC"))
        .text(moment);
  }

  /** A day, as a join date reads ("January 5, 2026"). */
  public static String date(Instant moment, Locale locale) {
    return DATE.computeIfAbsent(locale, l -> new Remembered(dateFormat(l), "")).text(moment);
  }

  /** Formatters are immutable and costly to build: a full build shows each post many times. */
  private static final Map<Locale, Remembered> DATE_TIME = new ConcurrentHashMap<>();

  private static final Map<Locale, Remembered> DATE = new ConcurrentHashMap<>();

  private static final Remembered ISO = new Remembered(null, "");

  private static DateTimeFormatter dateTimeFormat(Locale locale) {
    return localized(FormatStyle.MEDIUM, FormatStyle.MEDIUM, locale);
  }

  private static DateTimeFormatter dateFormat(Locale locale) {
    return localized(FormatStyle.LONG, null, locale);
  }

  /**
   * The locale's pattern for these styles, resolved once: a formatter made by {@code
   * ofLocalizedDateTime} looks its pattern up again on every call, which a full build pays for each
   * time a post is shown.
   */
  private static DateTimeFormatter localized(FormatStyle date, FormatStyle time, Locale locale) {
    String pattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            date, time, IsoChronology.INSTANCE, locale);
    return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC);
  }

  /**
   * A format that remembers the texts it made last: a full build shows each post on its page, in
   * lists and on timelines, and formatting costs more than the rest of a post's view. Direct-mapped
   * and of fixed size, so it holds a few hundred kilobytes however large the site; safe to share,
   * as each slot holds one immutable entry.
   */
  private static final class Remembered {
    private static final int SLOTS = 4096;

    private record Entry(long millis, String text) {}

    private final DateTimeFormatter format;
    private final String suffix;
    private final Entry[] slots = new Entry[SLOTS];

    /** With {@code format} null: the ISO-8601 form of {@link Instant#toString}. */
    Remembered(DateTimeFormatter format, String suffix) {
      this.format = format;
      this.suffix = suffix;
    }

    String text(Instant moment) {
      if (moment.getNano() % 1_000_000 != 0) {
        return make(moment); // finer than the key: posts are kept to the millisecond, not all times
      }
      long millis = moment.toEpochMilli();
      int slot = (int) ((millis * 0x9E3779B97F4A7C15L) >>> 52); // 12 high bits of a Fibonacci hash
      Entry seen = slots[slot];
      if (seen != null && seen.millis() == millis) {
        return seen.text();
      }
      String text = make(moment);
      slots[slot] = new Entry(millis, text);
      return text;
    }

    private String make(Instant moment) {
      return (format == null ? moment.toString() : format.format(moment)) + suffix;
    }
  }
}
