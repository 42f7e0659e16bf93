package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StepsTest {
  private static final Pattern MS = Pattern.compile("render\\+publish (\\d+) ms");

  @Test
  void every_named_step_is_in_the_line_in_order_even_if_it_never_ran() {
    Steps steps = new Steps(Steps.PLAN, Steps.RENDER_AND_PUBLISH, Steps.INVALIDATE);

    assertThat(steps.toString()).isEqualTo("plan 0 ms, render+publish 0 ms, invalidate 0 ms");
  }

  @Test
  void a_step_ended_more_than_once_adds_up() throws InterruptedException {
    Steps steps = new Steps(Steps.PLAN, Steps.RENDER_AND_PUBLISH);
    for (int record = 0; record < 3; record++) {
      steps.lap(Steps.PLAN);
      Thread.sleep(10);
      steps.lap(Steps.RENDER_AND_PUBLISH);
    }

    Matcher m = MS.matcher(steps.toString());
    assertThat(m.find()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(30);
    assertThat(steps.millis()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void a_step_not_named_up_front_follows_the_named_ones() {
    Steps steps = new Steps(Steps.PLAN);
    steps.lap("failed record");
    steps.lap(Steps.PLAN);

    assertThat(steps.toString()).matches("plan \\d+ ms, failed record \\d+ ms");
  }
}
