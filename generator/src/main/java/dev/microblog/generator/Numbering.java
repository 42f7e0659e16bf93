package dev.microblog.generator;

import dev.microblog.core.store.ExploreStore;
import dev.microblog.core.store.ExploreStore.Seal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the site's posts get their explore numbers ({@link ExploreStore}): everything written more
 * than {@code grace} ago, in steps of {@code step}. The grace must outlast any write still in
 * flight (a post's time is taken before its put, and a function runs at most 30 s) and the explore
 * index's lag; a post sealed past is never numbered, though it stays on its profile and timelines.
 *
 * <p>Runs after every batch and once a minute on a schedule (so that the last posts before a quiet
 * spell get numbers too). Cheap when nothing is due: one read.
 */
public final class Numbering {
  /**
   * How long after its write a post is numbered, and in steps of how long.
   *
   * @param grace after a post's time, before it is numbered
   * @param step the numbered stretches end on multiples of this
   */
  public record Timing(Duration grace, Duration step) {
    /**
     * In AWS: a grace longer than the functions' 30 s timeout plus the index's usual lag, and a
     * minute's step, so that at 10k posts a day a step (two item writes) numbers about seven posts.
     */
    public static final Timing AWS = new Timing(Duration.ofSeconds(60), Duration.ofSeconds(60));

    public Timing {
      if (grace.isNegative() || step.isNegative() || step.isZero()) {
        throw new IllegalArgumentException(
            "grace must be >= 0 and step > 0: " + grace + ", " + step);
      }
    }
  }

  private final ExploreStore explore;
  private final Clock clock;
  private final Duration grace;
  private final Duration step;

  public Numbering(ExploreStore explore, Clock clock, Timing timing) {
    this.explore = explore;
    this.clock = clock;
    this.grace = timing.grace();
    this.step = timing.step();
  }

  /** Numbers what is due; the seals written (their stream records plan the explore pages). */
  public List<Seal> sealDue() {
    Instant end = due();
    var progress = explore.progress();
    if (progress.isPresent() && !end.isAfter(progress.get().until())) {
      return List.of();
    }
    return explore.sealUpTo(end);
  }

  /** The end of the last whole step that lies before now minus the grace. */
  Instant due() {
    long stepMillis = step.toMillis();
    long cutoff = clock.instant().minus(grace).toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(cutoff, stepMillis) * stepMillis);
  }
}
