package dev.microblog.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The named steps of a batch or a rebuild and how long each took, for its log line ("plan 3 ms,
 * render+publish 40 ms, invalidate 0 ms"): where the time of a slow batch went, without a profiler.
 *
 * <p>A step ends with {@link #lap}: the time since the previous lap (or the start) is that step's.
 * A step that ends more than once adds up (a batch plans and publishes record by record). Every
 * step named up front is in the line, at 0 ms if it never ran, so that lines read alike. Not
 * thread-safe: laps are taken by the thread that drives the pipeline.
 */
final class Steps {
  // The steps both paths name: a batch plans, renders and publishes, then invalidates; a full
  // rebuild loads the whole site first.
  static final String LOAD = "load";
  static final String PLAN = "plan";
  static final String RENDER_AND_PUBLISH = "render+publish";
  static final String INVALIDATE = "invalidate";
  static final String NUMBER = "number";

  private final long start = System.nanoTime();
  private long last = start;
  private final Map<String, Long> nanos = new LinkedHashMap<>();

  Steps(String... names) {
    for (String name : names) {
      nanos.put(name, 0L);
    }
  }

  /** Ends {@code step}: the time since the last lap counts to it. */
  void lap(String step) {
    long now = System.nanoTime();
    nanos.merge(step, now - last, Long::sum);
    last = now;
  }

  /** Wall time since the steps started. */
  long millis() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** The steps in the order they were named (or first ended), each in whole milliseconds. */
  @Override
  public String toString() {
    StringJoiner line = new StringJoiner(", ");
    nanos.forEach((step, n) -> line.add(step + " " + n / 1_000_000 + " ms"));
    return line.toString();
  }
}
