package dev.microblog.generator.publishing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps every invalidation and tells listeners: the local CDN stand-in drops its cached copies from
 * here, and tests read which paths a batch invalidated.
 */
public final class RecordingInvalidator implements Invalidator {
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<String>>> listeners = new CopyOnWriteArrayList<>();

  /** {@code listener} gets the paths of each later invalidation, on the generator's thread. */
  public RecordingInvalidator onInvalidate(Consumer<List<String>> listener) {
    listeners.add(listener);
    return this;
  }

  @Override
  public void invalidate(List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    List<String> batch = List.copyOf(paths);
    batches.add(batch);
    listeners.forEach(l -> l.accept(batch));
  }

  /** Each invalidation's paths, oldest first. */
  public List<List<String>> batches() {
    return List.copyOf(batches);
  }

  /** All paths invalidated so far, in order, with repeats. */
  public List<String> paths() {
    return batches.stream().flatMap(List::stream).toList();
  }

  public void clear() {
    batches.clear();
  }
}
