package dev.microblog.functions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Everything the functions read from their configuration, typed and checked in one place. Each
 * record is bound by Micronaut from its properties, which the environment variables {@code
 * template.yaml} sets also supply ({@code MICROBLOG_TABLE} is {@code microblog.table}, {@code
 * MICROBLOG_SITE_ORIGINS} is {@code microblog.site-origins}, {@code AWS_REGION} is {@code
 * aws.region}). Micronaut's validation is not on the classpath (it would cost cold-start time for a
 * handful of checks), so each record checks itself, and a wrong value stops the function with a
 * message that names the setting rather than failing at the first request that uses it.
 */
public final class Settings {
  private Settings() {}

  /**
   * The site: the table it lives in and the origins its pages are served from.
   *
   * @param table {@code microblog.table} / {@code MICROBLOG_TABLE}
   * @param siteOrigins {@code microblog.site-origins} / {@code MICROBLOG_SITE_ORIGINS}: the origins
   *     forms may be posted from besides the functions' own host, comma separated, e.g. {@code
   *     https://d1234.cloudfront.net}
   */
  @ConfigurationProperties("microblog")
  public record Site(
      @Bindable(defaultValue = "microblog") String table, @Nullable List<String> siteOrigins) {
    public Site {
      if (table == null || table.isBlank()) {
        throw new IllegalArgumentException("microblog.table (MICROBLOG_TABLE) must not be blank");
      }
      siteOrigins =
          siteOrigins == null
              ? List.of()
              : siteOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
      siteOrigins.forEach(Site::checkOrigin);
    }

    private static void checkOrigin(String origin) {
      String problem =
          "microblog.site-origins (MICROBLOG_SITE_ORIGINS): '"
              + origin
              + "' is not an origin like https://example.org";
      try {
        URI uri = new URI(origin);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare =
            uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!(scheme.equals("http") || scheme.equals("https"))
            || uri.getHost() == null
            || !bare
            || uri.getRawQuery() != null) {
          throw new IllegalArgumentException(problem);
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(problem, e);
      }
    }
  }

  /**
   * @param secure {@code microblog.cookies.secure} / {@code MICROBLOG_COOKIES_SECURE}: cookies over
   *     HTTPS only (always in AWS; not on a local http:// stack)
   */
  @ConfigurationProperties("microblog.cookies")
  public record Cookies(@Bindable(defaultValue = "false") boolean secure) {}

  /**
   * @param patience {@code microblog.home.patience}: how long {@code /api/home} waits for the
   *     generator to serve a timeline request before showing the page as it is
   */
  @ConfigurationProperties("microblog.home")
  public record Home(@Bindable(defaultValue = "1s") Duration patience) {
    public Home {
      if (patience == null || patience.isNegative()) {
        throw new IllegalArgumentException(
            "microblog.home.patience must be a duration of zero or more, e.g. 1s, not " + patience);
      }
    }
  }

  /**
   * Stand-ins for AWS services; none in AWS.
   *
   * @param dynamodb {@code microblog.endpoint.dynamodb} / {@code MICROBLOG_ENDPOINT_DYNAMODB}
   */
  @ConfigurationProperties("microblog.endpoint")
  public record Endpoints(@Nullable URI dynamodb) {}

  /**
   * @param region {@code aws.region} / {@code AWS_REGION}, which Lambda sets
   */
  @ConfigurationProperties("aws")
  public record Aws(@Bindable(defaultValue = "us-east-1") String region) {}
}
