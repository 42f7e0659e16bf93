package dev.microblog.generator.rendering;

import dev.microblog.generator.planning.PageRef;
import java.util.List;

/**
 * What rendering one {@link PageRef} produced: files to publish, object keys that must go (the
 * page's subject is gone), and a key prefix under which every object that is not one of {@code
 * pages} is stale (a timeline that lost pages).
 */
public record Rendering(List<Page> pages, List<String> removals, String sweepPrefix) {
  public Rendering {
    pages = List.copyOf(pages);
    removals = List.copyOf(removals);
  }

  public static Rendering of(Page... pages) {
    return new Rendering(List.of(pages), List.of(), null);
  }

  public static Rendering removed(String... keys) {
    return new Rendering(List.of(), List.of(keys), null);
  }
}
