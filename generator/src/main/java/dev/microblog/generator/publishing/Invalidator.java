package dev.microblog.generator.publishing;

import java.util.List;

/** Tells the CDN to forget paths whose objects changed, so readers get the new page. */
public interface Invalidator {
  /** For a site without a CDN. */
  Invalidator NONE = paths -> {};

  /**
   * @param paths URL paths as the site serves them ("/", "/users/alice/", "/assets/site.js")
   */
  void invalidate(List<String> paths);
}
