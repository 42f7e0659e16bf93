package dev.microblog.site;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;

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
      String displayTime,
      String language) {}

  private Views() {}

  /** {@code post} on a page in {@code locale}: its links go to that locale's pages. */
  public static PostView post(Post post, SiteLocale locale) {
    return new PostView(
        post.author(),
        SitePaths.profile(locale, post.author()),
        post.body(),
        SitePaths.post(locale, post.author(), post.seq()),
        Dates.iso(post.createdAt()),
        Dates.dateTime(post.createdAt(), locale.locale()),
        Post.UNDETERMINED.equals(post.lang()) ? null : post.lang());
  }
}
