package dev.microblog.generator.rendering.feeds;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps sitemap files within the protocol's limits ({@link SitemapLimits}): cuts a run of URLs into
 * urlsets that each fit, and refuses an index that would not.
 *
 * <p>How the generator should use it: write sitemaps in <em>fixed chunks</em> whose membership
 * never depends on how many pages there are in all. Posts go in blocks of 1,000 by their site-wide
 * number ({@code sitemap-posts-0.xml} holds posts 0 to 999, and so on), users by the same rule, and
 * the handful of site pages in one file of their own. Then a new post changes only the newest
 * block, and the index only when a block is started; an edit or a delete changes only its block.
 * Posts get their site-wide number once a minute, not as they are written, so that block is
 * rewritten at most once a minute however busy the site is, and a post that has no number yet is in
 * no sitemap yet. Ranges by count from the start ("the first 50,000 URLs") would instead move every
 * URL to another file as pages are added or removed. A block always fits (1,000 posts times three
 * languages is far from 50,000 URLs or 50 MB); this class is what says so, and if a block ever
 * outgrew a file it would be cut into {@code -0}, {@code -1}... parts rather than break the
 * protocol.
 */
public final class SitemapSplitter {
  private final SitemapLimits limits;

  public SitemapSplitter(SitemapLimits limits) {
    this.limits = limits;
  }

  public SitemapSplitter() {
    this(SitemapLimits.PROTOCOL);
  }

  /**
   * The URLs in order, in as few consecutive runs as the limits allow: each run renders ({@link
   * SitemapRenderer#urlset}) to at most {@code urlsPerSitemap} URLs and {@code bytesPerFile} bytes.
   * No URLs make no runs.
   *
   * @throws IllegalArgumentException if one URL alone would not fit a file
   */
  public List<List<SitemapUrl>> split(List<SitemapUrl> urls) {
    long envelope = SitemapRenderer.urlset(List.of()).length;
    List<List<SitemapUrl>> runs = new ArrayList<>();
    List<SitemapUrl> run = new ArrayList<>();
    long bytes = envelope;
    for (SitemapUrl url : urls) {
      // A url element is written the same whatever surrounds it: the namespaces are declared on
      // the root, so its share of a file is its own document less the empty one.
      long size = SitemapRenderer.urlset(List.of(url)).length - envelope;
      if (envelope + size > limits.bytesPerFile()) {
        throw new IllegalArgumentException(url.loc() + " alone is larger than a sitemap may be");
      }
      if (run.size() == limits.urlsPerSitemap() || bytes + size > limits.bytesPerFile()) {
        runs.add(List.copyOf(run));
        run.clear();
        bytes = envelope;
      }
      run.add(url);
      bytes += size;
    }
    if (!run.isEmpty()) {
      runs.add(List.copyOf(run));
    }
    return runs;
  }

  /**
   * The sitemap index listing these sitemaps.
   *
   * @throws IllegalArgumentException if they are more than one index may list, or its file would be
   *     larger than the limit; the site then needs a second index, named in robots.txt
   */
  public byte[] index(List<SitemapRef> sitemaps) {
    if (sitemaps.size() > limits.sitemapsPerIndex()) {
      throw new IllegalArgumentException(
          sitemaps.size() + " sitemaps, an index may list " + limits.sitemapsPerIndex());
    }
    byte[] index = SitemapRenderer.index(sitemaps);
    if (index.length > limits.bytesPerFile()) {
      throw new IllegalArgumentException(
          "a sitemap index of " + index.length + " bytes, the limit is " + limits.bytesPerFile());
    }
    return index;
  }
}
