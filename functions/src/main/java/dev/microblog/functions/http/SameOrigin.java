package dev.microblog.functions.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a write comes from the site's own pages. A browser names the page a form was sent from in
 * {@code Origin} (or, from older browsers, {@code Referer}); a form on another site must not be
 * able to act for a signed-in reader (cross-site request forgery). SameSite=Lax cookies already
 * keep them off most such posts; this check covers the rest.
 *
 * <p>Allowed: the configured site origins, and an origin whose host is one the request was sent to
 * ({@code Host}, so a local stack works on any port, or {@code X-Forwarded-Host} behind the CDN).
 * Requests with neither header are allowed: they come from programs, not from a browser that could
 * be tricked into sending them.
 */
public final class SameOrigin {
  private final List<String> siteOrigins;

  public SameOrigin(List<String> siteOrigins) {
    this.siteOrigins = siteOrigins.stream().map(SameOrigin::normalize).toList();
  }

  /**
   * @param hosts the hosts the request was addressed to: its {@code Host} and, behind the CDN,
   *     {@code X-Forwarded-Host} (a browser cannot set that on a cross-site form post); nulls are
   *     skipped
   */
  public boolean allows(String origin, String referer, String... hosts) {
    if (origin != null && !origin.isBlank()) {
      return matches(origin.strip(), hosts);
    }
    if (referer != null && !referer.isBlank()) {
      return originOf(referer.strip()).map(o -> matches(o, hosts)).orElse(false);
    }
    return true;
  }

  private boolean matches(String origin, String... hosts) {
    String normalized = normalize(origin);
    if (siteOrigins.contains(normalized)) {
      return true;
    }
    return originOf(normalized)
        .map(o -> o.substring(o.indexOf("://") + 3))
        .map(
            authority ->
                Arrays.stream(hosts)
                    .anyMatch(
                        host ->
                            host != null
                                && !host.isBlank()
                                && authority.equalsIgnoreCase(host.strip())))
        .orElse(false);
  }

  /** {@code scheme://host[:port]} of a URL; empty for "null" (an opaque origin) or garbage. */
  static Optional<String> originOf(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return Optional.empty();
      }
      return Optional.of(normalize(uri.getScheme() + "://" + uri.getRawAuthority()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String normalize(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
