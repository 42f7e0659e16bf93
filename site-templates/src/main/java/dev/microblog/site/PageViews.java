package dev.microblog.site;

import dev.microblog.core.domain.PostLanguages;
import dev.microblog.core.domain.Rules;
import dev.microblog.site.Views.PostView;
import java.util.List;

/**
 * The models of the generated pages. Templates get one of these as {@code view}; every text that
 * needs arguments (a heading with a name in it) is formatted before it gets here, so the templates
 * only place values.
 */
public final class PageViews {
  private PageViews() {}

  /** Links to the neighbouring pages of a list; either may be absent. */
  public record Pager(String newer, String older) {
    public static final Pager NONE = new Pager(null, null);

    public boolean any() {
      return newer != null || older != null;
    }
  }

  /**
   * The post form ({@code partials/postform}) with the text and language kept and their errors, if
   * any. {@code lang} empty: detect it.
   */
  public record PostForm(String value, String error, String language, String languageError) {
    public static final PostForm BLANK = new PostForm("", null);

    public PostForm(String value, String error) {
      this(value, error, "", null);
    }

    /** The language select's choices after "detect automatically", the kept one selected. */
    public List<LanguageOption> languages() {
      return PostLanguages.AUTONYMS.entrySet().stream()
          .map(e -> new LanguageOption(e.getKey(), e.getValue(), e.getKey().equals(language)))
          .toList();
    }

    /**
     * The longest post, in code points as the server counts them. Not a {@code maxlength}: the
     * browser counts UTF-16 units, so it would stop a post of 140 emoji the server accepts.
     */
    public int max() {
      return Rules.POST_MAX;
    }
  }

  /** One language of the post form's select, named in itself. */
  public record LanguageOption(String tag, String name, boolean selected) {}

  /** The explore front page ({@code front}) or one of its stable pages. */
  public record ExploreView(
      String title, String heading, boolean front, List<PostView> posts, Pager pager) {}

  /**
   * A profile: the front shows the header with counts and the follow buttons; the stable pages show
   * only the name and their posts.
   */
  public record ProfileView(
      String title,
      String username,
      String url,
      boolean front,
      String pageHeading,
      String about,
      String joinedIso,
      String joinedDisplay,
      long postCount,
      long followers,
      long following,
      String followAction,
      String unfollowAction,
      List<PostView> posts,
      Pager pager) {}

  /** One page of a home timeline; the first has the post form. */
  public record TimelineView(
      String title,
      String username,
      String heading,
      boolean first,
      PostForm form,
      List<PostView> posts,
      Pager pager,
      boolean capped) {}

  /** A post's own page, with a link to the profile page that holds it. */
  public record PermalinkView(
      String title, PostView post, String contextUrl, String contextLabel) {}
}
