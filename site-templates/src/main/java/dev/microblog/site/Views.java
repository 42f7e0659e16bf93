package dev.microblog.site;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SitePaths;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * View models shared by every page that shows the same thing (a post looks the same everywhere).
 */
public final class Views {
  /** A post as {@code partials/post.mustache} shows it. */
  public record PostView(
      String author,
      String authorUrl,
      String body,
      String url,
      String isoTime,
      String displayTime) {}

  private Views() {}

  public static PostView post(Post post, Locale locale) {
    return new PostView(
        post.author(),
        SitePaths.profile(post.author()),
        post.body(),
        SitePaths.post(post.author(), post.seq()),
        post.createdAt().toString(),
        DISPLAY_TIME.computeIfAbsent(locale, Views::displayTime).format(post.createdAt()) + " UTC");
  }

  /** Formatters are immutable and costly to build: a full build shows each post many times. */
  private static final Map<Locale, DateTimeFormatter> DISPLAY_TIME = new ConcurrentHashMap<>();

  private static DateTimeFormatter displayTime(Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(locale)
        .withZone(ZoneOffset.UTC);
  }
}
