package dev.microblog.generator.support;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How far a long job is, for whoever waits on it: "rendering 12,345/17,506 pages 70% [####### ]
 * 1,234 pages/s ETA 0:04". On a terminal one line is redrawn in place; anywhere else (CI, a pipe, a
 * Lambda's log) a plain line comes every {@value #LINE_EVERY_SECONDS} s or every tenth of the job,
 * whichever is first, so a log gets a dozen lines and no carriage returns.
 *
 * <p>One instance follows one job: {@link #start} with the total, {@link #advance} from any thread
 * as items complete, {@link #finish} once. The rate is the average since the start, and the ETA is
 * the time the remaining items take at that rate.
 */
public final class Progress {
  /** Reports nothing: tests, and callers nobody watches. */
  public static final Progress NONE =
      new Progress(null, null, Mode.NONE, System::nanoTime, s -> {});

  static final int BAR_WIDTH = 10;
  static final long REDRAW_EVERY_MILLIS = 100;
  static final long LINE_EVERY_SECONDS = 2;

  enum Mode {
    TERMINAL,
    LINES,
    NONE
  }

  private final String label;
  private final String unit;
  private final Mode mode;
  private final LongSupplier nanoClock;
  private final Consumer<String> out;
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total;
  private volatile long startNanos;
  // The next moment a draw is due; read without the lock so that most advances skip it.
  private volatile long nextDrawNanos = Long.MAX_VALUE;
  private volatile int tenthsShown; // written under the lock
  private int lastLength; // guarded by this

  Progress(String label, String unit, Mode mode, LongSupplier nanoClock, Consumer<String> out) {
    this.label = label;
    this.unit = unit;
    this.mode = mode;
    this.nanoClock = nanoClock;
    this.out = out;
  }

  /** One line redrawn in place on {@code terminal} (stderr when it is a TTY). */
  public static Progress onTerminal(PrintStream terminal, String label, String unit) {
    return new Progress(
        label,
        unit,
        Mode.TERMINAL,
        System::nanoTime,
        text -> {
          terminal.print(text);
          terminal.flush();
        });
  }

  /** Whole lines, each handed to {@code lines} (a logger, or println on a pipe). */
  public static Progress inLines(Consumer<String> lines, String label, String unit) {
    return new Progress(label, unit, Mode.LINES, System::nanoTime, lines);
  }

  /** The job begins: {@code total} items to go. */
  public void start(int total) {
    if (mode == Mode.NONE) {
      return;
    }
    synchronized (this) {
      this.total = total;
      startNanos = nanoClock.getAsLong();
      if (mode == Mode.TERMINAL) {
        redraw(line(label, unit, 0, total, 0, false), "");
        nextDrawNanos = startNanos + TimeUnit.MILLISECONDS.toNanos(REDRAW_EVERY_MILLIS);
      } else {
        nextDrawNanos = startNanos + TimeUnit.SECONDS.toNanos(LINE_EVERY_SECONDS);
      }
    }
  }

  /** One more item done. Thread-safe; cheap when no line is due. */
  public void advance() {
    if (mode == Mode.NONE) {
      return;
    }
    int now = done.incrementAndGet();
    if (nanoClock.getAsLong() >= nextDrawNanos || tenths(now) > tenthsShown) {
      drawIfDue();
    }
  }

  /** The job is over: the last line, with the time it took instead of an ETA. */
  public synchronized void finish() {
    if (mode == Mode.NONE) {
      return;
    }
    long elapsed = nanoClock.getAsLong() - startNanos;
    String last = line(label, unit, done.get(), total, elapsed, true);
    if (mode == Mode.TERMINAL) {
      redraw(last, "\n");
    } else {
      out.accept(last);
    }
    nextDrawNanos = Long.MAX_VALUE;
  }

  private synchronized void drawIfDue() {
    long now = nanoClock.getAsLong();
    int count = done.get();
    int tenths = tenths(count);
    boolean timeIsUp = now >= nextDrawNanos;
    if (!timeIsUp && (mode == Mode.TERMINAL || tenths <= tenthsShown)) {
      return;
    }
    if (mode == Mode.LINES && count == total) {
      return; // the last line, from finish, says the same and how long it took
    }
    String text = line(label, unit, count, total, now - startNanos, false);
    if (mode == Mode.TERMINAL) {
      redraw(text, "");
      nextDrawNanos = now + TimeUnit.MILLISECONDS.toNanos(REDRAW_EVERY_MILLIS);
    } else {
      out.accept(text);
      nextDrawNanos = now + TimeUnit.SECONDS.toNanos(LINE_EVERY_SECONDS);
    }
    tenthsShown = tenths;
  }

  private int tenths(int count) {
    int t = total;
    return t == 0 ? 10 : (int) (10L * count / t);
  }

  /** Back to the start of the line, the new text, and spaces over what is left of the old one. */
  private void redraw(String text, String end) {
    String padding = " ".repeat(Math.max(0, lastLength - text.length()));
    lastLength = text.length();
    out.accept("\r" + text + padding + end);
  }

  /**
   * The progress line. Counts are grouped by thousands; the done count is padded to the total's
   * width and the percentage to three places, so that a redrawn line keeps its columns still.
   * Percentage and bar round down (100% only when all are done); the rate rounds down; the ETA
   * rounds to the nearest second.
   */
  static String line(
      String label, String unit, int done, int total, long elapsedNanos, boolean finished) {
    String all = grouped(total);
    String count = " ".repeat(Math.max(0, all.length() - grouped(done).length())) + grouped(done);
    int percent = total == 0 ? 100 : (int) (100L * done / total);
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
    double seconds = elapsedNanos / 1e9;
    long rate = seconds > 0 ? (long) Math.floor(done / seconds) : 0;
    String time;
    if (finished) {
      time = "in " + clock(Math.round(seconds));
    } else if (done == 0 || seconds <= 0) {
      time = "ETA -:--";
    } else {
      time = "ETA " + clock(Math.round((total - done) * seconds / done));
    }
    return String.format(
        Locale.ENGLISH,
        "%s  %s/%s %s  %3d%%  [%s%s]  %s %s/s  %s",
        label,
        count,
        all,
        unit,
        percent,
        "#".repeat(filled),
        " ".repeat(BAR_WIDTH - filled),
        grouped(rate),
        unit,
        time);
  }

  /** m:ss, or h:mm:ss from an hour on. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ENGLISH, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ENGLISH, "%d:%02d", m, s);
  }

  private static String grouped(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }
}
