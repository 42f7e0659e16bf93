package dev.microblog.generator;

/**
 * How long browsers and the CDN may keep a file. The CDN keeps pages for a year because the
 * generator invalidates whatever it rewrites; browsers revalidate pages that will change.
 */
public enum CachePolicy {
  /** Fronts, timelines, following.json, site pages: change whenever someone writes. */
  CHANGING("public, max-age=0, s-maxage=31536000, must-revalidate"),
  /** A full stable page with a page after it, or a permalink: does not change any more. */
  ARCHIVE("public, max-age=3600, s-maxage=31536000"),
  /** CSS, script and other files under /assets/. */
  ASSET("public, max-age=3600");

  private final String header;

  CachePolicy(String header) {
    this.header = header;
  }

  /** The Cache-Control header value. */
  public String header() {
    return header;
  }
}
