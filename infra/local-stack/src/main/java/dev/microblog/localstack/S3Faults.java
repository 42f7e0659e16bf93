package dev.microblog.localstack;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

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

  private final Map<Kind, Integer> pending = new EnumMap<>(Kind.class);
  private final Map<Kind, Double> rates = new EnumMap<>(Kind.class);
  private final Map<Kind, Long> injected = new EnumMap<>(Kind.class);
  private Duration slowBy = Duration.ofMillis(500);
  private Random random = new Random();

  /** The next {@code times} requests it applies to get {@code kind} (uploads only, for a reset). */
  public synchronized S3Faults next(Kind kind, int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative: " + times);
    }
    pending.put(kind, times);
    return this;
  }

  /** Each request it applies to gets {@code kind} with probability {@code p}. */
  public synchronized S3Faults rate(Kind kind, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a rate is a probability from 0 to 1, not " + p);
    }
    rates.put(kind, p);
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
  public synchronized S3Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** How many requests got {@code kind} since the start or the last {@link #clear()}. */
  public synchronized long injected(Kind kind) {
    return injected.getOrDefault(kind, 0L);
  }

  /** No more faults, and the counts start again. */
  public synchronized S3Faults clear() {
    pending.clear();
    rates.clear();
    injected.clear();
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
        case "slow" -> rate(Kind.SLOW, probability(name, value));
        case "slow-down" -> rate(Kind.SLOW_DOWN, probability(name, value));
        case "reset" -> rate(Kind.RESET_MID_UPLOAD, probability(name, value));
        case "slow-by" -> slowBy(duration(value));
        case "seed" -> seed(number(name, value));
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
    int left = pending.getOrDefault(kind, 0);
    boolean hit;
    if (left > 0) {
      pending.put(kind, left - 1);
      hit = true;
    } else {
      double p = rates.getOrDefault(kind, 0.0);
      hit = p > 0 && random.nextDouble() < p;
    }
    if (hit) {
      injected.merge(kind, 1L, Long::sum);
    }
    return hit;
  }

  private static double probability(String name, String value) {
    try {
      double p = Double.parseDouble(value);
      if (p >= 0 && p <= 1) {
        return p;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "S3 fault " + name + " needs a rate from 0 to 1, not '" + value + "'");
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "S3 fault " + name + " needs a whole number, not '" + value + "'");
    }
  }

  /** {@code 300ms}, {@code 2s}, or a bare number of milliseconds. */
  static Duration duration(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    try {
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      if (v.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      }
      return Duration.ofMillis(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "S3 fault slow-by needs a duration such as 300ms or 2s, not '" + value + "'");
    }
  }
}
