package dev.microblog.generator.rendering;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long browsers and the CDN may keep a file, by what kind of file it is.
 *
 * <p>Pages that change with the next write (list fronts, the last page of a list, timelines,
 * counts) live at the edge for a second and are then revalidated (a cheap 304 from the bucket when
 * nothing changed), so a write never needs an invalidation to show: CloudFront charges per
 * invalidated path, and an invalidation that gets lost would leave a page stale for the object's
 * lifetime. Pages that no longer change (a full page with a page after it, a permalink) are kept
 * for a year; only an edit, a delete or a template change rewrites one, and then it is invalidated
 * ({@link #longAtTheEdge}).
 */
public enum CachePolicy {
  /** Fronts, last pages, timelines, following.json, site pages: change whenever someone writes. */
  CHANGING("public, max-age=0, s-maxage=1, stale-while-revalidate=10"),
  /** A full stable page with a page after it, or a permalink: does not change any more. */
  ARCHIVE("public, max-age=3600, s-maxage=31536000"),
  /** CSS, script and other files under /assets/. */
  ASSET("public, max-age=3600");

  /** Up to this long at the edge, a stale copy goes away by itself: no invalidation is owed. */
  static final Duration SHORT_AT_THE_EDGE = Duration.ofMinutes(1);

  private static final Pattern S_MAXAGE = Pattern.compile("(?:^|[,\\s])s-maxage\\s*=\\s*(\\d+)");
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*(\\d+)");

  private final String header;

  CachePolicy(String header) {
    this.header = header;
  }

  /** The Cache-Control header value. */
  public String header() {
    return header;
  }

  /**
   * Whether the CDN may keep an object sent with this Cache-Control for longer than {@link
   * #SHORT_AT_THE_EDGE}: replacing or deleting such an object owes an invalidation. An object
   * without a lifetime is kept long (CloudFront's default is a day).
   */
  public static boolean longAtTheEdge(String cacheControl) {
    return edgeLifetime(cacheControl).map(d -> d.compareTo(SHORT_AT_THE_EDGE) > 0).orElse(true);
  }

  private static Optional<Duration> edgeLifetime(String cacheControl) {
    if (cacheControl == null) {
      return Optional.empty();
    }
    String cc = cacheControl.toLowerCase(Locale.ROOT);
    if (cc.contains("no-store") || cc.contains("no-cache") || cc.contains("private")) {
      return Optional.of(Duration.ZERO);
    }
    for (Pattern p : new Pattern[] {S_MAXAGE, MAX_AGE}) {
      Matcher m = p.matcher(cc);
      if (m.find()) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
      }
    }
    return Optional.empty();
  }
}
