package dev.microblog.gateway;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The draw behind every injected fault, for any stand-in: the next {@code n} eligible requests get
 * a kind of fault, or each gets it with a probability; every fault is counted; a seed makes the
 * draws repeatable. Also reads the values of a runner's fault spec. Thread-safe.
 */
public final class FaultDice<K extends Enum<K>> {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

  private final Map<K, Integer> next;
  private final Map<K, Double> rate;
  private final Map<K, Long> injected;
  private Random random = new Random();

  public FaultDice(Class<K> kinds) {
    this.next = new EnumMap<>(kinds);
    this.rate = new EnumMap<>(kinds);
    this.injected = new EnumMap<>(kinds);
  }

  /** The next {@code times} eligible requests get {@code kind} (before any rate applies). */
  public synchronized void next(K kind, int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative: " + times);
    }
    next.put(kind, times);
  }

  /** Each eligible request gets {@code kind} with this probability (0 switches it off). */
  public synchronized void rate(K kind, double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "a rate is a probability from 0 to 1, not " + probability + " (for " + kind + ")");
    }
    rate.put(kind, probability);
  }

  public synchronized void seed(long seed) {
    random = new Random(seed);
  }

  /** Whether {@code kind} may fire at all (some left to count down, or a rate above 0). */
  public synchronized boolean armed(K kind) {
    return next.getOrDefault(kind, 0) > 0 || rate.getOrDefault(kind, 0.0) > 0;
  }

  /**
   * Whether this eligible request gets {@code kind}; a hit is counted. Ask only about requests the
   * fault could really happen to, so that {@code next(kind, n)} means n faults.
   *
   * @return the fault's count so far when it fires, else 0
   */
  public synchronized long roll(K kind) {
    int left = next.getOrDefault(kind, 0);
    if (left > 0) {
      next.put(kind, left - 1);
    } else {
      double probability = rate.getOrDefault(kind, 0.0);
      if (probability <= 0 || random.nextDouble() >= probability) {
        return 0;
      }
    }
    return injected.merge(kind, 1L, Long::sum);
  }

  public synchronized long injected(K kind) {
    return injected.getOrDefault(kind, 0L);
  }

  /** Every kind off. */
  public synchronized void off() {
    next.clear();
    rate.clear();
  }

  /** The counts start again from 0. */
  public synchronized void resetCounts() {
    injected.clear();
  }

  /** A spec's {@code name=probability} value, from 0 to 1. */
  public static double probability(String name, String value) {
    try {
      double probability = Double.parseDouble(value);
      if (probability >= 0 && probability <= 1) {
        return probability;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        name + " needs a rate from 0 to 1 (e.g. 0.05), not '" + value + "'");
  }

  /** A spec's whole number ({@code seed=N}). */
  public static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
    }
  }

  /** A spec's duration: {@code 300ms}, {@code 1.5s}, {@code 2m}, or a bare number of ms. */
  public static Duration duration(String name, String value) {
    Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          name + " needs a duration such as 300ms, 2s or 1m, not '" + value + "'");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    double millis =
        switch (unit) {
          case "s" -> amount * 1_000;
          case "m" -> amount * 60_000;
          default -> amount;
        };
    return Duration.ofMillis(Math.round(millis));
  }
}
