package dev.microblog.localstack;

import java.util.ArrayList;
import java.util.List;

/** How long each part took to start, for the log line that says where start-up time goes. */
final class Timings {
  private final long start = System.nanoTime();
  private long last = start;
  private final List<String> laps = new ArrayList<>();

  void lap(String part) {
    long now = System.nanoTime();
    laps.add(part + " " + (now - last) / 1_000_000 + " ms");
    last = now;
  }

  @Override
  public String toString() {
    return (System.nanoTime() - start) / 1_000_000 + " ms (" + String.join(", ", laps) + ")";
  }
}
