package dev.microblog.generator;

import java.util.List;

/**
 * Where pages go: an S3 bucket behind the CDN ({@link S3Publisher}) or a folder for any static host
 * ({@link DirectoryPublisher}). Publishing the same bytes twice writes nothing, which keeps
 * repeated stream records cheap and lets the CDN keep its copy.
 */
public interface Publisher {
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  Outcome publish(Page page);

  /**
   * Deletes the object at {@code key}.
   *
   * @return whether there was one
   */
  boolean delete(String key);

  /** The keys of all objects whose key starts with {@code prefix}. */
  List<String> keys(String prefix);
}
