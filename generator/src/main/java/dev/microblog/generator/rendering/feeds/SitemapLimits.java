package dev.microblog.generator.rendering.feeds;

/**
 * How much one sitemap file may hold. {@link #PROTOCOL} is what sitemaps.org allows and what search
 * engines read; tests pass small limits to see files split.
 *
 * @param urlsPerSitemap URLs in one urlset
 * @param bytesPerFile uncompressed bytes of one urlset or sitemapindex file
 * @param sitemapsPerIndex sitemaps one sitemapindex lists
 */
public record SitemapLimits(int urlsPerSitemap, long bytesPerFile, int sitemapsPerIndex) {
  public static final SitemapLimits PROTOCOL = new SitemapLimits(50_000, 52_428_800L, 50_000);

  public SitemapLimits {
    if (urlsPerSitemap < 1 || bytesPerFile < 1 || sitemapsPerIndex < 1) {
      throw new IllegalArgumentException("every limit must allow at least one");
    }
  }
}
