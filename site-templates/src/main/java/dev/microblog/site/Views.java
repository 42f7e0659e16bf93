package dev.microblog.site;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SitePaths;
import java.util.Locale;

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
        Dates.iso(post.createdAt()),
        Dates.dateTime(post.createdAt(), locale));
  }
}
