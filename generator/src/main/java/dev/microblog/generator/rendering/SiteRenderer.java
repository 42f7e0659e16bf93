package dev.microblog.generator.rendering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.Pagination;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.core.domain.User;
import dev.microblog.generator.planning.PageRef;
import dev.microblog.generator.planning.PageRef.Assets;
import dev.microblog.generator.planning.PageRef.ExploreFront;
import dev.microblog.generator.planning.PageRef.ExplorePage;
import dev.microblog.generator.planning.PageRef.FollowingJson;
import dev.microblog.generator.planning.PageRef.Permalink;
import dev.microblog.generator.planning.PageRef.ProfileFront;
import dev.microblog.generator.planning.PageRef.ProfilePage;
import dev.microblog.generator.planning.PageRef.SitePage;
import dev.microblog.generator.planning.PageRef.Timeline;
import dev.microblog.generator.state.NotYetVisible;
import dev.microblog.generator.state.SiteState;
import dev.microblog.site.Dates;
import dev.microblog.site.Forms;
import dev.microblog.site.Messages;
import dev.microblog.site.PageViews.ExploreView;
import dev.microblog.site.PageViews.Pager;
import dev.microblog.site.PageViews.PermalinkView;
import dev.microblog.site.PageViews.PostForm;
import dev.microblog.site.PageViews.ProfileView;
import dev.microblog.site.PageViews.TimelineView;
import dev.microblog.site.Templates;
import dev.microblog.site.Views;
import dev.microblog.site.Views.PostView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Renders a {@link PageRef} from the current state of the site. Reading the state at render time,
 * rather than trusting the change that asked for the page, is what makes a repeated, late or
 * reordered stream record harmless.
 */
public final class SiteRenderer {
  /** A home timeline keeps this many posts; older ones live on each author's profile. */
  public static final int TIMELINE_POSTS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SiteState state;
  private final Templates templates;
  private final Pagination pagination;

  public SiteRenderer(SiteState state, Templates templates, Pagination pagination) {
    this.state = state;
    this.templates = templates;
    this.pagination = pagination;
  }

  public Rendering render(PageRef ref, Locale locale) {
    return switch (ref) {
      case ExploreFront f -> explore(null, locale);
      case ExplorePage p -> explore(p.page(), locale);
      case ProfileFront f -> profile(f.username(), null, locale);
      case ProfilePage p -> profile(p.username(), p.page(), locale);
      case Timeline t -> timeline(t.username(), locale);
      case Permalink p -> permalink(p.author(), p.seq(), locale);
      case FollowingJson f -> followingJson(f.username());
      case SitePage s -> sitePage(s, locale);
      case Assets a -> assets();
    };
  }

  /**
   * The objects rendering {@code ref} may write or delete, known before it is rendered so that a
   * writer can read them first: these keys, and every object under the sweep prefix (or null).
   */
  public record Footprint(List<String> keys, String sweepPrefix) {}

  public Footprint footprint(PageRef ref) {
    return switch (ref) {
      case Timeline t ->
          new Footprint(List.of(SitePaths.objectKey(t.path())), timelineSweep(t.username()));
      case Assets a ->
          new Footprint(
              ClasspathAssets.all().keySet().stream()
                  .map(name -> SitePaths.objectKey("/assets/" + name))
                  .toList(),
              null);
      default -> new Footprint(List.of(SitePaths.objectKey(ref.path())), null);
    };
  }

  /** The key prefix of a timeline's pages 2.. ("users/u/home/page/"); page 1 is its own path. */
  private static String timelineSweep(String username) {
    return SitePaths.timeline(username).substring(1) + "page/";
  }

  /** {@code k == null}: the front, the newest page-full of posts, numbered or not yet. */
  private Rendering explore(Long k, Locale locale) {
    String path = k == null ? SitePaths.explore() : SitePaths.explorePage(k);
    Paginator pages =
        new Paginator(
            pagination, state.numberedCount(), SitePaths::explorePage, SitePaths.explore());
    Messages t = templates.messages(locale);
    List<Post> posts;
    Pager pager;
    String title;
    if (k == null) {
      posts = new ArrayList<>(state.newestUnnumbered(pagination.pageSize()));
      long fromNumbered = pagination.pageSize() - posts.size();
      long newestLeftOut = pages.count() - fromNumbered;
      posts.addAll(state.explore(Math.max(1, newestLeftOut + 1), pages.count()));
      pager = pages.frontPager(newestLeftOut);
      title = t.get("explore_title");
    } else {
      if (!pages.hasPage(k)) {
        return Rendering.removed(SitePaths.objectKey(path));
      }
      posts = stablePage(pages, k, state::explore, "explore");
      pager = pages.pager(k);
      title = t.get("explore_page_title", k);
    }
    var view = new ExploreView(title, title, k == null, views(posts, locale), pager);
    CachePolicy policy = k == null ? CachePolicy.CHANGING : pages.policy(k);
    return Rendering.of(
        Page.html(path, templates.render("explore", locale, Map.of("view", view)), policy));
  }

  private Rendering profile(String username, Long k, Locale locale) {
    String path = k == null ? SitePaths.profile(username) : SitePaths.profilePage(username, k);
    Optional<User> found = state.user(username);
    if (found.isEmpty()) {
      return Rendering.removed(SitePaths.objectKey(path));
    }
    User user = found.get();
    Paginator pages =
        new Paginator(
            pagination,
            user.postCount(),
            n -> SitePaths.profilePage(username, n),
            SitePaths.profile(username));
    if (k != null && !pages.hasPage(k)) {
      return Rendering.removed(SitePaths.objectKey(path));
    }
    String list = "profile of " + username;
    List<Post> posts;
    Pager pager;
    if (k == null) {
      long newestLeftOut = Math.max(0, user.postCount() - pagination.pageSize());
      posts =
          read(
              newestLeftOut + 1,
              user.postCount(),
              (from, to) -> state.postsBy(username, from, to),
              list);
      pager = pages.frontPager(newestLeftOut);
    } else {
      posts = stablePage(pages, k, (from, to) -> state.postsBy(username, from, to), list);
      pager = pages.pager(k);
    }
    Messages t = templates.messages(locale);
    var view =
        new ProfileView(
            k == null ? username : t.get("profile_page_title", username, k),
            username,
            SitePaths.profile(username),
            k == null,
            k == null ? "" : t.get("page_number", k),
            user.about(),
            Dates.iso(user.joinedAt()),
            Dates.date(user.joinedAt(), locale),
            user.postCount(),
            user.followers(),
            user.following(),
            ApiPaths.follow(username),
            ApiPaths.unfollow(username),
            views(posts, locale),
            pager);
    CachePolicy policy = k == null ? CachePolicy.CHANGING : pages.policy(k);
    return Rendering.of(
        Page.html(path, templates.render("profile", locale, Map.of("view", view)), policy));
  }

  /** All pages of the timeline; pages beyond the last (it shrank after an unfollow) are swept. */
  private Rendering timeline(String username, Locale locale) {
    String sweep = timelineSweep(username);
    if (state.user(username).isEmpty()) {
      return new Rendering(
          List.of(), List.of(SitePaths.objectKey(SitePaths.timeline(username))), sweep);
    }
    List<String> authors = new ArrayList<>();
    authors.add(username);
    authors.addAll(state.following(username));
    List<Post> posts = state.latestOf(authors, TIMELINE_POSTS);
    int size = pagination.pageSize();
    int count = Math.max(1, (posts.size() + size - 1) / size);
    Messages t = templates.messages(locale);
    List<Page> pages = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      List<Post> slice = posts.subList((n - 1) * size, Math.min(n * size, posts.size()));
      String heading =
          n == 1
              ? t.get("timeline_heading", username)
              : t.get("timeline_page_heading", username, n);
      var view =
          new TimelineView(
              n == 1 ? heading : t.get("timeline_page_title", username, n),
              username,
              heading,
              n == 1,
              PostForm.BLANK,
              views(slice, locale),
              new Pager(
                  n > 1 ? SitePaths.timelinePage(username, n - 1) : null,
                  n < count ? SitePaths.timelinePage(username, n + 1) : null),
              n == count && posts.size() >= TIMELINE_POSTS);
      pages.add(
          Page.html(
              SitePaths.timelinePage(username, n),
              templates.render("timeline", locale, Map.of("view", view)),
              CachePolicy.CHANGING));
    }
    // A timeline of the most pages it can have has nothing beyond them to sweep: skip the listing.
    boolean full = count * size >= TIMELINE_POSTS;
    return new Rendering(pages, List.of(), full ? null : sweep);
  }

  private Rendering permalink(String author, long seq, Locale locale) {
    String path = SitePaths.post(author, seq);
    Optional<Post> post = state.post(author, seq);
    if (post.isEmpty()) {
      return Rendering.removed(SitePaths.objectKey(path));
    }
    Messages t = templates.messages(locale);
    var view =
        new PermalinkView(
            t.get("permalink_heading", author),
            Views.post(post.get(), locale),
            SitePaths.profilePage(author, pagination.pageOf(seq)),
            t.get("permalink_context", author));
    return Rendering.of(
        Page.html(
            path, templates.render("post", locale, Map.of("view", view)), CachePolicy.ARCHIVE));
  }

  private Rendering followingJson(String username) {
    String path = SitePaths.followingJson(username);
    if (state.user(username).isEmpty()) {
      return Rendering.removed(SitePaths.objectKey(path));
    }
    try {
      byte[] body = JSON.writeValueAsBytes(state.following(username));
      return Rendering.of(new Page(path, body, Page.JSON, CachePolicy.CHANGING));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of names always serialises", e);
    }
  }

  private Rendering sitePage(SitePage page, Locale locale) {
    Messages t = templates.messages(locale);
    Map<String, ?> model =
        switch (page.name()) {
          case "signup" -> Forms.signup(t, Map.of(), Map.of());
          case "login" -> Forms.login(t, Map.of(), Map.of());
          default -> Map.of();
        };
    return Rendering.of(
        Page.html(page.path(), templates.render(page.name(), locale, model), CachePolicy.CHANGING));
  }

  private Rendering assets() {
    List<Page> pages = new ArrayList<>();
    ClasspathAssets.all()
        .forEach(
            (name, body) ->
                pages.add(
                    new Page(
                        "/assets/" + name, body, Page.contentTypeOf(name), CachePolicy.ASSET)));
    return new Rendering(pages, List.of(), null);
  }

  private static List<Post> stablePage(
      Paginator pages, long k, BiFunction<Long, Long, List<Post>> read, String list) {
    return read(pages.firstOf(k), pages.lastOf(k), read, list + " page " + k);
  }

  /**
   * Items {@code from..to} of a list, checked against the count: fewer means the index has not
   * caught up yet.
   */
  private static List<Post> read(
      long from, long to, BiFunction<Long, Long, List<Post>> read, String what) {
    if (to < from) {
      return List.of();
    }
    List<Post> posts = read.apply(from, to);
    if (posts.size() < to - from + 1) {
      throw new NotYetVisible(
          what + " shows " + posts.size() + " of " + (to - from + 1) + " posts");
    }
    return posts;
  }

  private static List<PostView> views(List<Post> posts, Locale locale) {
    return posts.stream().map(p -> Views.post(p, locale)).toList();
  }
}
