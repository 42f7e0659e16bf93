package dev.microblog.generator.rendering.feeds;

import dev.microblog.core.domain.ApiPaths;
import java.nio.charset.StandardCharsets;

/**
 * The site's robots.txt (RFC 9309): every crawler may read every page except the functions' API,
 * whose answers are for the site's own script, not for a search index; and where the sitemap index
 * is.
 */
public final class RobotsTxt {
  public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  private RobotsTxt() {}

  /**
   * @param sitemapIndexUrl the absolute URL of the sitemap index (the protocol wants it absolute)
   */
  public static byte[] render(String sitemapIndexUrl) {
    if (!sitemapIndexUrl.startsWith("https://") && !sitemapIndexUrl.startsWith("http://")) {
      throw new IllegalArgumentException(
          "a Sitemap line needs an absolute URL: " + sitemapIndexUrl);
    }
    String text =
        "User-agent: *\n"
            + "Allow: /\n"
            + "Disallow: "
            + ApiPaths.ROOT
            + "/\n\n"
            + "Sitemap: "
            + sitemapIndexUrl
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
