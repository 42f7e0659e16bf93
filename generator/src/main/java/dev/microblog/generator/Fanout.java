package dev.microblog.generator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs one I/O-bound action per item, a bounded number at once: publishing is mostly waiting for S3
 * and DynamoDB, so a few requests in flight cut a batch's time without more CPU.
 */
final class Fanout {
  private Fanout() {}

  /**
   * Applies {@code action} to every item and waits for all of them.
   *
   * @throws RuntimeException the first failure, after every started action has finished
   */
  static <T> void each(Collection<T> items, int parallelism, Consumer<T> action) {
    if (parallelism <= 1 || items.size() <= 1) {
      items.forEach(action);
      return;
    }
    Semaphore slots = new Semaphore(parallelism);
    List<Future<?>> running = new ArrayList<>(items.size());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        slots.acquireUninterruptibly();
        running.add(
            threads.submit(
                () -> {
                  try {
                    action.accept(item);
                  } finally {
                    slots.release();
                  }
                }));
      }
    }
    RuntimeException first = null;
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (ExecutionException e) {
        RuntimeException failure =
            e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException(e.getCause());
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
