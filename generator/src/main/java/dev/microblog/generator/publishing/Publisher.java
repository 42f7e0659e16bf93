package dev.microblog.generator.publishing;

import dev.microblog.generator.rendering.Page;
import java.util.List;

/**
 * Where pages go: an S3 bucket behind the CDN ({@link S3Publisher}) or a folder for any static host
 * ({@link DirectoryPublisher}). Publishing the same bytes twice writes nothing, which keeps
 * repeated stream records cheap and lets the CDN keep its copy.
 *
 * <p>Writes are conditional on what was {@linkplain #read read} before the page was rendered: a
 * publisher whose object changed since then throws {@link LostRace} instead of writing, so that an
 * older render never replaces a newer one (the generator's {@code SiteWriter} renders again).
 */
public interface Publisher {
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * An object as read before rendering: the version a conditional write may replace.
   *
   * @param etag its entity tag, or null when there was no object
   * @param sha256 the SHA-256 of its body if the publisher keeps one, else null
   */
  record Seen(String key, String etag, String sha256, String cacheControl, String contentType) {
    public static Seen absent(String key) {
      return new Seen(key, null, null, null, null);
    }

    public boolean exists() {
      return etag != null;
    }
  }

  /** The object changed after it was read: read again, render again, then write. */
  final class LostRace extends RuntimeException {
    public LostRace(String key, Throwable cause) {
      super("another writer changed " + key + " after it was read", cause);
    }
  }

  Seen read(String key);

  /**
   * Writes {@code page} if it differs from what {@code seen} says, and only if the object is still
   * that version.
   *
   * @throws LostRace if the object changed since {@code seen} was read
   */
  Outcome publish(Page page, Seen seen);

  /**
   * Deletes the object {@code seen} describes, only if it is still that version.
   *
   * @return whether there was one
   * @throws LostRace if the object changed since {@code seen} was read
   */
  boolean delete(Seen seen);

  /** The keys of all objects whose key starts with {@code prefix}. */
  List<String> keys(String prefix);

  /** Reads and publishes at once: for a single writer (a full build, tests). */
  default Outcome publish(Page page) {
    return publish(page, read(page.key()));
  }

  /** Reads and deletes at once: for a single writer (a full build, tests). */
  default boolean delete(String key) {
    return delete(read(key));
  }
}
