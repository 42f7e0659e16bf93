package dev.microblog.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * A post. {@code seq} numbers the author's posts from 1, given once at write time, so the profile
 * page a post lands on never changes. Its place among all the site's posts is given later, when the
 * generator seals the minute it was written in ({@code Seal}). {@code lang} is the BCP 47 tag of
 * the language it is written in, {@link #UNDETERMINED} when unknown.
 */
public record Post(String author, long seq, String body, Instant createdAt, String lang) {
  public static final String UNDETERMINED = "und";

  /** Times are kept to the millisecond, as the table's explore index orders them. */
  public Post {
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    lang = lang == null || lang.isEmpty() ? UNDETERMINED : lang;
  }

  /** A post whose language is not known. */
  public Post(String author, long seq, String body, Instant createdAt) {
    this(author, seq, body, createdAt, UNDETERMINED);
  }

  /**
   * The site's order, newest first: by time, then by author and number, so that two posts of the
   * same millisecond still have one order everywhere (pages, timelines, the explore index).
   */
  public static final Comparator<Post> NEWEST_FIRST =
      Comparator.comparing(Post::createdAt)
          .thenComparing(Post::author)
          .thenComparingLong(Post::seq)
          .reversed();

  public PostId id() {
    return new PostId(author, seq);
  }
}
