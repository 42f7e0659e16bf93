package dev.microblog.core.domain;

/**
 * Stable pagination: items are numbered from 1 in the order they were written and page {@code k}
 * holds items {@code (k-1)*size+1 .. k*size}. A new item only ever lands on the last page, so a
 * full page never changes again and can be cached for good.
 */
public record Pagination(int pageSize) {
  public static final Pagination DEFAULT = new Pagination(20);

  public Pagination {
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
  }

  /** The page that item {@code seq} (1-based) lands on. */
  public long pageOf(long seq) {
    requirePositive(seq);
    return (seq - 1) / pageSize + 1;
  }

  /** How many pages {@code count} items fill; an empty list still has one (empty) page. */
  public long pageCount(long count) {
    return count <= 0 ? 1 : pageOf(count);
  }

  public long firstSeq(long page) {
    requirePositive(page);
    return (page - 1) * pageSize + 1;
  }

  public long lastSeq(long page) {
    return firstSeq(page) + pageSize - 1;
  }

  public boolean isFull(long page, long count) {
    return count >= lastSeq(page);
  }

  private static void requirePositive(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("numbering starts at 1: " + n);
    }
  }
}
