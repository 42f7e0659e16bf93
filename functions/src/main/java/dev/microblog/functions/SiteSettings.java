package dev.microblog.functions;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;

/** How the functions see the site they serve. */
@Singleton
public final class SiteSettings {
  private final List<String> siteOrigins;
  private final boolean secureCookies;

  public SiteSettings(
      @Value("${microblog.site-origins:}") List<String> siteOrigins,
      @Value("${microblog.cookies.secure:false}") boolean secureCookies) {
    this.siteOrigins = siteOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    this.secureCookies = secureCookies;
  }

  /** The origins forms may be posted from, besides the functions' own host. */
  public List<String> siteOrigins() {
    return siteOrigins;
  }

  /** Whether cookies are sent over HTTPS only (always in AWS; not on a local http:// stack). */
  public boolean secureCookies() {
    return secureCookies;
  }
}
