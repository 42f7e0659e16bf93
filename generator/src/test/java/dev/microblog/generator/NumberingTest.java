package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which stretch of posts is due for numbering at a given moment. */
class NumberingTest {
  private static Instant dueAt(String now, int graceSeconds, int stepSeconds) {
    Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    var timing =
        new Numbering.Timing(Duration.ofSeconds(graceSeconds), Duration.ofSeconds(stepSeconds));
    return new Numbering(null, clock, timing).due();
  }

  @Test
  void posts_older_than_the_grace_are_due_up_to_the_last_whole_step() {
    // 10:01:37 less 60 s is 10:00:37; the last 10 s step before it ends at 10:00:30.
    assertThat(dueAt("2026-11-25T10:01:37Z", 60, 10)).isEqualTo("2026-11-25T10:00:30Z");
    assertThat(dueAt("2026-11-25T10:01:30Z", 60, 10)).isEqualTo("2026-11-25T10:00:30Z");
    assertThat(dueAt("2026-11-25T10:01:29.999Z", 60, 10)).isEqualTo("2026-11-25T10:00:20Z");
  }

  @Test
  void aws_waits_out_a_function_timeout_before_numbering() {
    assertThat(Numbering.Timing.AWS.grace()).isGreaterThan(Duration.ofSeconds(30));
  }

  @Test
  void a_step_of_zero_is_refused() {
    assertThatThrownBy(() -> new Numbering.Timing(Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
