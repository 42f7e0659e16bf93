package dev.microblog.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults real DynamoDB produces and dynalite never does; off until switched on. One per gateway.
 *
 * <p>A kind fires for the next {@code times} eligible requests ({@link #next}), and after that with
 * a probability ({@link #rate}). Every fault that fires is counted and logged at INFO.
 */
public final class Faults {
  /** What goes wrong, and which requests it can happen to. */
  public enum Kind {
    /** TransactWriteItems is cancelled: one action's reason is TransactionConflict. */
    TRANSACTION_CONFLICT("conflict"),
    /** Any data-plane call answers ProvisionedThroughputExceededException. */
    THROTTLING("throttling"),
    /** Query and Scan on an index do not see writes younger than {@link #indexLag}. */
    LAGGING_INDEX("lagging-index"),
    /** GetRecords answers ExpiredIteratorException. */
    EXPIRED_ITERATOR("expired-iterator"),
    /** The stream is trimmed before a GetRecords that has records to read. */
    TRIMMED_RECORDS("trimmed-records"),
    /** A write is applied and recorded, then the connection drops without an answer. */
    RESET_AFTER_WRITE("reset");

    final String specName;

    Kind(String specName) {
      this.specName = specName;
    }
  }

  /** The lag an index read gets when LAGGING_INDEX is switched on without {@link #indexLag}. */
  static final Duration DEFAULT_INDEX_LAG = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
  private static final String INDEX_LAG = "index-lag";
  private static final String SEED = "seed";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

  private final Map<Kind, Integer> next = new EnumMap<>(Kind.class);
  private final Map<Kind, Double> rate = new EnumMap<>(Kind.class);
  private final Map<Kind, Long> injected = new EnumMap<>(Kind.class);
  private Duration indexLag = Duration.ZERO;
  private Random random = new Random();

  /** The next {@code times} eligible requests get the fault (before any rate applies). */
  public synchronized Faults next(Kind kind, int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative: " + times);
    }
    next.put(kind, times);
    return this;
  }

  /** Each eligible request gets the fault with this probability (0 switches it off). */
  public synchronized Faults rate(Kind kind, double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "a probability is between 0 and 1, not " + probability + " (for " + kind + ")");
    }
    rate.put(kind, probability);
    return this;
  }

  /**
   * LAGGING_INDEX on for every index read: Query and Scan with IndexName do not see writes younger
   * than {@code lag}. Zero switches it off.
   */
  public synchronized Faults indexLag(Duration lag) {
    if (lag.isNegative()) {
      throw new IllegalArgumentException("an index lag cannot be negative: " + lag);
    }
    indexLag = lag;
    rate.put(Kind.LAGGING_INDEX, lag.isZero() ? 0.0 : 1.0);
    return this;
  }

  /** Makes rate-based faults reproducible. */
  public synchronized Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** How many times the kind fired so far (clear() keeps the counts). */
  public synchronized long injected(Kind kind) {
    return injected.getOrDefault(kind, 0L);
  }

  /** Everything off; the counts are kept. */
  public synchronized void clear() {
    next.clear();
    rate.clear();
    indexLag = Duration.ZERO;
  }

  /**
   * Faults from a runner's spec, e.g. {@code
   * "conflict=0.2,throttling=0.05,index-lag=500ms,reset=0.01,expired-iterator=0.1"}.
   */
  public static Faults parse(String spec) {
    return new Faults().apply(spec);
  }

  /**
   * Applies a spec onto this instance: {@code name=probability} for each kind, {@code
   * index-lag=DURATION} (500ms, 2s, 1m) and {@code seed=N}.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the valid ones) or a
   *     value that does not fit
   */
  public synchronized Faults apply(String spec) {
    if (spec == null || spec.isBlank()) {
      return this;
    }
    for (String part : spec.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int equals = part.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "a fault is name=value, not '" + part.strip() + "'; valid names: " + validNames());
      }
      String name = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String value = part.substring(equals + 1).strip();
      switch (name) {
        case INDEX_LAG -> indexLag(duration(value));
        case SEED -> seed(number(name, value));
        default -> rate(kindNamed(name), probability(name, value));
      }
    }
    return this;
  }

  /** The lag index reads get while LAGGING_INDEX is on; zero when it is off. */
  synchronized Duration lagWindow() {
    boolean on =
        next.getOrDefault(Kind.LAGGING_INDEX, 0) > 0
            || rate.getOrDefault(Kind.LAGGING_INDEX, 0.0) > 0;
    if (!on) {
      return Duration.ZERO;
    }
    return indexLag.isZero() ? DEFAULT_INDEX_LAG : indexLag;
  }

  /**
   * Whether this eligible request gets the fault; if so it is counted and logged. Callers ask only
   * about requests the fault could really happen to, so that next(kind, n) means n faults.
   */
  boolean fires(Kind kind, String operation) {
    long count;
    synchronized (this) {
      int left = next.getOrDefault(kind, 0);
      if (left > 0) {
        next.put(kind, left - 1);
      } else {
        double probability = rate.getOrDefault(kind, 0.0);
        if (probability <= 0 || random.nextDouble() >= probability) {
          return false;
        }
      }
      count = injected.merge(kind, 1L, Long::sum);
    }
    LOG.info("injected fault {} into {} (#{})", kind, operation, count);
    return true;
  }

  private static Kind kindNamed(String name) {
    for (Kind kind : Kind.values()) {
      String enumName = kind.name().toLowerCase(Locale.ROOT);
      if (kind.specName.equals(name) || enumName.replace('_', '-').equals(name.replace('_', '-'))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault '" + name + "'; valid names: " + validNames());
  }

  private static String validNames() {
    return Arrays.stream(Kind.values()).map(kind -> kind.specName).collect(Collectors.joining(", "))
        + ", "
        + INDEX_LAG
        + ", "
        + SEED;
  }

  private static double probability(String name, String value) {
    try {
      double probability = Double.parseDouble(value);
      if (probability >= 0 && probability <= 1) {
        return probability;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        name + " needs a probability from 0 to 1 (e.g. 0.05), not '" + value + "'");
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
    }
  }

  private static Duration duration(String value) {
    Matcher matcher = DURATION.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          INDEX_LAG + " needs a duration such as 500ms, 2s or 1m, not '" + value + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofMillis(amount);
    };
  }
}
