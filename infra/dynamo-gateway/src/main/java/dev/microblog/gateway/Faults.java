package dev.microblog.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
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
  private final FaultDice<Kind> dice = new FaultDice<>(Kind.class);
  private Duration indexLag = Duration.ZERO;

  /** The next {@code times} eligible requests get the fault (before any rate applies). */
  public Faults next(Kind kind, int times) {
    dice.next(kind, times);
    return this;
  }

  /** Each eligible request gets the fault with this probability (0 switches it off). */
  public Faults rate(Kind kind, double probability) {
    dice.rate(kind, probability);
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
    dice.rate(Kind.LAGGING_INDEX, lag.isZero() ? 0.0 : 1.0);
    return this;
  }

  /** Makes rate-based faults reproducible. */
  public Faults seed(long seed) {
    dice.seed(seed);
    return this;
  }

  /** How many times the kind fired so far (clear() keeps the counts). */
  public long injected(Kind kind) {
    return dice.injected(kind);
  }

  /** Everything off; the counts are kept. */
  public synchronized void clear() {
    dice.off();
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
        case INDEX_LAG -> indexLag(FaultDice.duration(INDEX_LAG, value));
        case SEED -> seed(FaultDice.number(name, value));
        default -> rate(kindNamed(name), FaultDice.probability(name, value));
      }
    }
    return this;
  }

  /** The lag index reads get while LAGGING_INDEX is on; zero when it is off. */
  synchronized Duration lagWindow() {
    if (!dice.armed(Kind.LAGGING_INDEX)) {
      return Duration.ZERO;
    }
    return indexLag.isZero() ? DEFAULT_INDEX_LAG : indexLag;
  }

  /**
   * Whether this eligible request gets the fault; if so it is counted and logged. Callers ask only
   * about requests the fault could really happen to, so that next(kind, n) means n faults.
   */
  boolean fires(Kind kind, String operation) {
    long count = dice.roll(kind);
    if (count == 0) {
      return false;
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
}
