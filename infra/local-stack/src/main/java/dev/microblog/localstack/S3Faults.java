package dev.microblog.localstack;

import dev.microblog.gateway.FaultDice;
import java.time.Duration;
import java.util.Locale;

/**
 * What the S3 stand-in does wrong, on demand: the ways real S3 fails a caller that the stand-in
 * never would. Off until told; {@link #clear()} turns everything off again. Each request asks
 * {@link #decide(boolean)} once; a fault counted by {@link #next} comes before one drawn by {@link
 * #rate}. Thread-safe: the stand-in serves connections in parallel.
 */
public final class S3Faults {
  public enum Kind {
    /** The answer comes {@link #slowBy} later. */
    SLOW,
    /** 503 with S3's {@code SlowDown} error; nothing stored. */
    SLOW_DOWN,
    /** An upload's connection drops after part of the body was read; no answer, nothing stored. */
    RESET_MID_UPLOAD
  }

  /** The names a spec such as {@code "slow=0.2,slow-by=300ms,slow-down=0.1,reset=0.05"} knows. */
  static final String NAMES = "slow, slow-by, slow-down, reset, seed";

  /** What one request gets. {@code reset} is only ever true for a request with a body. */
  record Decision(boolean slow, Duration delay, boolean slowDown, boolean reset) {
    static final Decision NONE = new Decision(false, Duration.ZERO, false, false);
  }

  private final FaultDice<Kind> dice = new FaultDice<>(Kind.class);
  private Duration slowBy = Duration.ofMillis(500);

  /** The next {@code times} requests it applies to get {@code kind} (uploads only, for a reset). */
  public S3Faults next(Kind kind, int times) {
    dice.next(kind, times);
    return this;
  }

  /** Each request it applies to gets {@code kind} with probability {@code p}. */
  public S3Faults rate(Kind kind, double p) {
    dice.rate(kind, p);
    return this;
  }

  /** The latency SLOW adds to a request. */
  public synchronized S3Faults slowBy(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("slow-by must not be negative: " + delay);
    }
    slowBy = delay;
    return this;
  }

  /** Makes the rates' draws repeatable. */
  public S3Faults seed(long seed) {
    dice.seed(seed);
    return this;
  }

  /** How many requests got {@code kind} since the start or the last {@link #clear()}. */
  public long injected(Kind kind) {
    return dice.injected(kind);
  }

  /** No more faults, and the counts start again. */
  public S3Faults clear() {
    dice.off();
    dice.resetCounts();
    return this;
  }

  /** Faults from a spec ({@link #apply}). */
  public static S3Faults parse(String spec) {
    return new S3Faults().apply(spec);
  }

  /**
   * Adds the faults of {@code spec}: comma-separated {@code name=value}, where {@code slow}, {@code
   * slow-down} and {@code reset} take a rate from 0 to 1, {@code slow-by} a duration ({@code
   * 300ms}, {@code 2s}) and {@code seed} a number.
   *
   * @throws IllegalArgumentException for an unknown name or a bad value, naming the valid ones
   */
  public S3Faults apply(String spec) {
    for (String part : spec.split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "S3 fault '" + item + "' needs a value (name=value); names: " + NAMES);
      }
      String name = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = item.substring(eq + 1).strip();
      switch (name) {
        case "slow" -> rate(Kind.SLOW, FaultDice.probability("S3 fault " + name, value));
        case "slow-down" -> rate(Kind.SLOW_DOWN, FaultDice.probability("S3 fault " + name, value));
        case "reset" ->
            rate(Kind.RESET_MID_UPLOAD, FaultDice.probability("S3 fault " + name, value));
        case "slow-by" -> slowBy(FaultDice.duration("S3 fault slow-by", value));
        case "seed" -> seed(FaultDice.number("S3 fault " + name, value));
        default ->
            throw new IllegalArgumentException(
                "Unknown S3 fault '" + name + "'; valid names: " + NAMES);
      }
    }
    return this;
  }

  /** What the request about to be served gets; counts what it hands out. */
  synchronized Decision decide(boolean hasBody) {
    boolean slow = take(Kind.SLOW);
    boolean slowDown = take(Kind.SLOW_DOWN);
    boolean reset = !slowDown && hasBody && take(Kind.RESET_MID_UPLOAD);
    if (!slow && !slowDown && !reset) {
      return Decision.NONE;
    }
    return new Decision(slow, slow ? slowBy : Duration.ZERO, slowDown, reset);
  }

  private boolean take(Kind kind) {
    return dice.roll(kind) > 0;
  }
}
