package dev.microblog.generator.rendering;

import dev.microblog.generator.planning.PageRef;
import java.util.List;

/**
 * What rendering one {@link PageRef} produced, in every locale: files to publish, object keys that
 * must go (the page's subject is gone), and key prefixes under which every object that is not one
 * of {@code pages} is stale (a timeline that lost pages).
 */
public record Rendering(List<Page> pages, List<String> removals, List<String> sweepPrefixes) {
  public Rendering {
    pages = List.copyOf(pages);
    removals = List.copyOf(removals);
    sweepPrefixes = List.copyOf(sweepPrefixes);
  }

  public static Rendering of(Page... pages) {
    return new Rendering(List.of(pages), List.of(), List.of());
  }

  public static Rendering removed(List<String> keys) {
    return new Rendering(List.of(), keys, List.of());
  }
}
