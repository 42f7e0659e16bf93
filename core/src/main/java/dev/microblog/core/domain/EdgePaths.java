package dev.microblog.core.domain;

import java.util.List;

/**
 * The paths that exist once for every locale, outside the {@code /{locale}/} trees: the site's
 * assets and data, and the files crawlers and browsers ask for at the root. The edge serves them as
 * they are; any other path without a locale in front is sent to the reader's locale. The edge
 * function in template.yaml lists the same first segments (SamTemplateTest checks it).
 */
public final class EdgePaths {
  private EdgePaths() {}

  /** First path segments that are never localized. */
  public static final List<String> LOCALE_FREE =
      List.of("assets", "data", "robots.txt", "sitemap.xml", "favicon.ico");
}
