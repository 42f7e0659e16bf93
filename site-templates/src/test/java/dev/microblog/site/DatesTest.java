package dev.microblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DatesTest {
  // 23:30 UTC is already the next day east of UTC: the text must not follow the machine's zone.
  private static final Instant LATE_EVENING = Instant.parse("2026-01-05T23:30:05Z");

  @Test
  void the_datetime_attribute_is_iso_8601_in_utc() {
    assertThat(Dates.iso(LATE_EVENING)).isEqualTo("2026-01-05T23:30:05Z");
  }

  @Test
  void a_post_time_reads_to_the_second_in_utc_and_says_so() {
    assertThat(Dates.dateTime(LATE_EVENING, Locale.ENGLISH).replace('\u202f', ' '))
        .isEqualTo("Jan 5, 2026, 11:30:05 PM UTC");
  }

  @Test
  void a_join_date_reads_as_the_day_in_utc() {
    assertThat(Dates.date(LATE_EVENING, Locale.ENGLISH)).isEqualTo("January 5, 2026");
  }

  @Test
  void remembered_texts_are_always_those_of_the_moment_asked_for() {
    // Dates keeps recent texts in a fixed number of slots: moments that share a slot, asked for
    // in turn, must each get their own text. The JDK's own formatter is the oracle.
    DateTimeFormatter jdk =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    long start = LATE_EVENING.toEpochMilli();
    qt().withExamples(20_000)
        .forAll(longs().between(0, 10_000_000L))
        .checkAssert(
            offset -> {
              Instant moment = Instant.ofEpochMilli(start + offset);
              assertThat(Dates.dateTime(moment, Locale.ENGLISH))
                  .isEqualTo(jdk.format(moment) + " UTC");
              assertThat(Dates.iso(moment)).isEqualTo(moment.toString());
            });
    Instant finer = LATE_EVENING.plusNanos(1_500);
    assertThat(Dates.iso(LATE_EVENING)).isEqualTo("2026-01-05T23:30:05Z");
    assertThat(Dates.iso(finer)).isEqualTo("2026-01-05T23:30:05.000001500Z");
  }
}
