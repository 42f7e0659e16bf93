package dev.microblog.generator;

/**
 * Where the generator notes that it served a reader's request for their home timeline, so that the
 * function they asked through can send them to the page once it is up to date.
 */
@FunctionalInterface
public interface HomeRequests {
  /** For a site whose timelines nobody waits for (tests, exports). */
  HomeRequests NONE = (username, requestedMillis) -> {};

  void served(String username, long requestedMillis);
}
