package dev.microblog.localstack;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule that, in AWS, invokes the numbering function once a minute: here a daemon thread,
 * once a step, so that the last posts before a quiet spell get their explore numbers too.
 */
final class NumberingTicks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NumberingTicks.class);

  private final ScheduledExecutorService timer;

  private NumberingTicks(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static NumberingTicks every(Duration step, Runnable numberDue) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "numbering");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            numberDue.run();
          } catch (RuntimeException e) {
            log.warn("numbering posts failed; the next tick tries again", e);
          }
        },
        step.toMillis(),
        step.toMillis(),
        TimeUnit.MILLISECONDS);
    return new NumberingTicks(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
