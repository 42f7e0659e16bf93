package dev.microblog.generator.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.generator.support.Progress.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Expected lines are written out by hand from the numbers, not computed by the same formula. */
class ProgressTest {
  private static final long MS = 1_000_000;
  private static final long S = 1_000 * MS;

  private final AtomicLong clock = new AtomicLong();
  private final List<String> out = Collections.synchronizedList(new ArrayList<>());

  private Progress progress(Mode mode) {
    return new Progress("rendering", "pages", mode, clock::get, out::add);
  }

  @Test
  void the_line_shows_count_percentage_bar_rate_and_time_left() {
    // 12,345 in 10 s: 1,234.5/s; 5,161 left at that rate take 4.18 s.
    assertThat(Progress.line("rendering", "pages", 12_345, 17_506, 10 * S, false))
        .isEqualTo("rendering  12,345/17,506 pages   70%  [#######   ]  1,234 pages/s  ETA 0:04");
  }

  @Test
  void before_the_first_item_there_is_no_rate_and_no_eta() {
    assertThat(Progress.line("rendering", "pages", 0, 17_506, 0, false))
        .isEqualTo("rendering       0/17,506 pages    0%  [          ]  0 pages/s  ETA -:--");
  }

  @Test
  void a_long_eta_has_hours_and_a_small_share_rounds_down_to_zero() {
    // 1,000 in 5 s: 200/s; 999,000 left take 4,995 s = 1 h 23 min 15 s.
    assertThat(Progress.line("rendering", "pages", 1_000, 1_000_000, 5 * S, false))
        .isEqualTo(
            "rendering      1,000/1,000,000 pages    0%  [          ]  200 pages/s  ETA 1:23:15");
  }

  @Test
  void the_eta_rounds_to_the_nearest_second() {
    // 2 of 5 in 1 s: 3 left at 2/s = 1.5 s. 3 of 10 in 1 s: 7 left at 3/s = 2.33 s.
    assertThat(Progress.line("r", "p", 2, 5, S, false)).endsWith("ETA 0:02");
    assertThat(Progress.line("r", "p", 3, 10, S, false)).endsWith("ETA 0:02");
    // 1 of 2 in 0.4 s: 1 left takes 0.4 s.
    assertThat(Progress.line("r", "p", 1, 2, 400 * MS, false)).endsWith("ETA 0:00");
  }

  @Test
  void the_last_line_says_how_long_it_took() {
    // 17,506 in 14 s: 1,250.4/s.
    assertThat(Progress.line("rendering", "pages", 17_506, 17_506, 14 * S, true))
        .isEqualTo("rendering  17,506/17,506 pages  100%  [##########]  1,250 pages/s  in 0:14");
    assertThat(Progress.line("rendering", "pages", 0, 0, 0, true))
        .isEqualTo("rendering  0/0 pages  100%  [##########]  0 pages/s  in 0:00");
  }

  @Test
  void times_read_as_minutes_and_seconds_then_hours() {
    assertThat(Progress.clock(0)).isEqualTo("0:00");
    assertThat(Progress.clock(59)).isEqualTo("0:59");
    assertThat(Progress.clock(60)).isEqualTo("1:00");
    assertThat(Progress.clock(3_599)).isEqualTo("59:59");
    assertThat(Progress.clock(3_600)).isEqualTo("1:00:00");
    assertThat(Progress.clock(36_061)).isEqualTo("10:01:01");
  }

  @Test
  void on_a_terminal_one_line_is_redrawn_at_most_every_tenth_of_a_second() {
    Progress progress = progress(Mode.TERMINAL);

    progress.start(4);
    clock.set(50 * MS);
    progress.advance(); // too soon after the first draw
    clock.set(1 * S);
    progress.advance();
    clock.set(1_050 * MS);
    progress.advance();
    clock.set(1_080 * MS);
    progress.advance();
    clock.set(2 * S);
    progress.finish();

    assertThat(out)
        .containsExactly(
            "\rrendering  0/4 pages    0%  [          ]  0 pages/s  ETA -:--",
            "\rrendering  2/4 pages   50%  [#####     ]  2 pages/s  ETA 0:01",
            // one space over the last character of the longer line before it
            "\rrendering  4/4 pages  100%  [##########]  2 pages/s  in 0:02 \n");
  }

  @Test
  void elsewhere_a_plain_line_comes_every_tenth_of_the_job_or_every_two_seconds() {
    Progress progress = progress(Mode.LINES);

    progress.start(100);
    for (int i = 1; i <= 10; i++) {
      clock.set(i * 100 * MS);
      progress.advance(); // the tenth item, at 1 s, is 10%
    }
    clock.set(2_500 * MS);
    progress.advance(); // 11%, 1.5 s after the last line
    clock.set(3 * S);
    progress.advance(); // 12%, 2 s after it
    clock.set(4 * S);
    progress.finish();

    assertThat(out)
        .containsExactly(
            "rendering   10/100 pages   10%  [#         ]  10 pages/s  ETA 0:09",
            "rendering   12/100 pages   12%  [#         ]  4 pages/s  ETA 0:22",
            "rendering   12/100 pages   12%  [#         ]  3 pages/s  in 0:04");
  }

  @Test
  void many_threads_advancing_at_once_count_every_item_and_lines_only_go_forward()
      throws InterruptedException {
    Progress progress = progress(Mode.LINES); // the clock stands still: lines come by tenths only

    progress.start(10_000);
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (int t = 0; t < 8; t++) {
        threads.execute(
            () -> {
              for (int i = 0; i < 1_250; i++) {
                progress.advance();
              }
            });
      }
    }
    progress.finish();

    assertThat(out).hasSizeBetween(2, 10).last().asString().startsWith("rendering  10,000/10,000");
    List<Integer> percentages =
        out.stream().map(l -> Integer.parseInt(l.replaceAll(".* (\\d+)%.*", "$1"))).toList();
    // one line at 100%: the last, which says how long it took
    assertThat(percentages).isSorted().containsOnlyOnce(100).last().isEqualTo(100);
    assertThat(out.getLast()).endsWith("in 0:00");
  }
}
