package dev.microblog.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
