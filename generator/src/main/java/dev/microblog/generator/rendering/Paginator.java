package dev.microblog.generator.rendering;

import dev.microblog.core.domain.Pagination;
import dev.microblog.site.PageViews.Pager;
import java.util.function.LongFunction;

/**
 * One list's pages: stable numbered pages (page 1 the oldest) and a front that always shows the
 * newest page-full, spanning two numbered pages when the last is not full. Built once per render;
 * the one place that knows which page links where and which may be cached for good.
 *
 * @param count how many items the list has numbered
 * @param pagePath the path of numbered page k
 * @param frontPath the path of the front
 */
record Paginator(
    Pagination pagination, long count, LongFunction<String> pagePath, String frontPath) {

  long lastPage() {
    return pagination.pageCount(count);
  }

  /** Stable pages hold items: an empty list has a front but no page 1. */
  boolean hasPage(long k) {
    return count > 0 && k >= 1 && k <= lastPage();
  }

  long firstOf(long k) {
    return pagination.firstSeq(k);
  }

  long lastOf(long k) {
    return Math.min(count, pagination.lastSeq(k));
  }

  /** Page k links to the page after it, or to the front from the last page. */
  Pager pager(long k) {
    return new Pager(
        k < lastPage() ? pagePath.apply(k + 1) : frontPath, k > 1 ? pagePath.apply(k - 1) : null);
  }

  /**
   * The front's link to older items: the numbered page holding {@code nextOlder}, the newest item
   * the front does not show (none if it is 0).
   */
  Pager frontPager(long nextOlder) {
    return new Pager(null, nextOlder >= 1 ? pagePath.apply(pagination.pageOf(nextOlder)) : null);
  }

  /** A page with a page after it never changes again; the last one fills up. */
  CachePolicy policy(long k) {
    return k < lastPage() ? CachePolicy.ARCHIVE : CachePolicy.CHANGING;
  }
}
