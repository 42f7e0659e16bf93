package dev.microblog.localstack;

import java.util.concurrent.atomic.AtomicInteger;

/** Usernames no other test in this JVM uses, so tests can share one stack. */
final class Names {
  private static final AtomicInteger next = new AtomicInteger();
  private static final String run = Long.toString(System.nanoTime() % 100_000, 36);

  private Names() {}

  static String unique(String base) {
    return base + "_" + run + next.incrementAndGet();
  }
}
