package dev.microblog.generator.rendering.feeds;

import java.time.Instant;
import java.util.Objects;

/**
 * One sitemap file, as a sitemap index lists it.
 *
 * @param loc the sitemap's absolute URL
 * @param lastModified when the newest of its pages changed, or null when not known
 */
public record SitemapRef(String loc, Instant lastModified) {
  public SitemapRef {
    Objects.requireNonNull(loc, "loc");
  }
}
