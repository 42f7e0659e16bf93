package dev.microblog.generator.support;

import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs one I/O-bound action per item, a bounded number at once: publishing is mostly waiting for S3
 * and DynamoDB, so a few requests in flight cut a batch's time without more CPU.
 */
public final class Fanout {
  private Fanout() {}

  /**
   * Applies {@code action} to every item and waits for all of them.
   *
   * @throws RuntimeException the first failure (the others suppressed in it), after every started
   *     action has finished
   */
  public static <T> void each(Collection<T> items, int parallelism, Consumer<T> action) {
    if (parallelism <= 1 || items.size() <= 1) {
      items.forEach(action);
      return;
    }
    Semaphore slots = new Semaphore(parallelism);
    // Failures only, not a future per item: a full build has a hundred thousand items.
    Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        slots.acquireUninterruptibly();
        threads.execute(
            () -> {
              try {
                action.accept(item);
              } catch (RuntimeException e) {
                failures.add(e);
              } catch (Error e) {
                failures.add(new IllegalStateException(e));
              } finally {
                slots.release();
              }
            });
      }
    }
    RuntimeException first = failures.poll();
    for (RuntimeException other = failures.poll(); other != null; other = failures.poll()) {
      first.addSuppressed(other);
    }
    if (first != null) {
      throw first;
    }
  }
}
