package dev.microblog.generator.rendering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.Pagination;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.core.domain.User;
import dev.microblog.generator.planning.PageRef;
import dev.microblog.generator.planning.PageRef.Assets;
import dev.microblog.generator.planning.PageRef.ExploreFeed;
import dev.microblog.generator.planning.PageRef.ExploreFront;
import dev.microblog.generator.planning.PageRef.ExplorePage;
import dev.microblog.generator.planning.PageRef.FollowingJson;
import dev.microblog.generator.planning.PageRef.Permalink;
import dev.microblog.generator.planning.PageRef.PostsSitemap;
import dev.microblog.generator.planning.PageRef.ProfileFront;
import dev.microblog.generator.planning.PageRef.ProfilePage;
import dev.microblog.generator.planning.PageRef.RootFiles;
import dev.microblog.generator.planning.PageRef.SitePage;
import dev.microblog.generator.planning.PageRef.SitemapIndex;
import dev.microblog.generator.planning.PageRef.Timeline;
import dev.microblog.generator.planning.PageRef.UserFeed;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

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
  private final CrawlerPages crawlers;

  /**
   * @param origin where the site is served ({@code https://example.org}): feeds and sitemaps name
   *     their pages by absolute URL
   */
  public SiteRenderer(SiteState state, Templates templates, Pagination pagination, String origin) {
    this.state = state;
    this.templates = templates;
    this.pagination = pagination;
    this.crawlers = new CrawlerPages(state, templates, pagination, origin);
  }

  /**
   * The page in every locale, from one read of the state: a locale multiplies the files written,
   * not the reads.
   */
  public Rendering render(PageRef ref) {
    return switch (ref) {
      case ExploreFront f -> explore(null);
      case ExplorePage p -> explore(p.page());
      case ProfileFront f -> profile(f.username(), null);
      case ProfilePage p -> profile(p.username(), p.page());
      case Timeline t -> timeline(t.username());
      case Permalink p -> permalink(p.author(), p.seq());
      case FollowingJson f -> followingJson(f.username());
      case SitePage s -> sitePage(s);
      case Assets a -> assets();
      case ExploreFeed f -> crawlers.exploreFeed(newestOfAll().posts());
      case UserFeed f ->
          crawlers
              .newestOf(f.username())
              .map(posts -> crawlers.userFeed(f.username(), posts))
              .orElseGet(() -> Rendering.removed(keys(l -> SitePaths.userFeed(l, f.username()))));
      case PostsSitemap p -> crawlers.postsSitemap(p.block());
      case SitemapIndex i -> crawlers.sitemapIndex();
      case RootFiles r -> crawlers.rootFiles();
    };
  }

  /**
   * The objects rendering {@code ref} may write or delete, known before it is rendered so that a
   * writer can read them first: these keys, and every object under the sweep prefixes.
   */
  public record Footprint(List<String> keys, List<String> sweepPrefixes) {
    public Footprint {
      keys = List.copyOf(keys);
      sweepPrefixes = List.copyOf(sweepPrefixes);
    }
  }

  public Footprint footprint(PageRef ref) {
    return switch (ref) {
      case Timeline t ->
          new Footprint(
              keys(l -> SitePaths.timeline(l, t.username())), timelineSweeps(t.username()));
      case Assets a ->
          new Footprint(
              ClasspathAssets.all().keySet().stream()
                  .map(name -> SitePaths.objectKey("/assets/" + name))
                  .toList(),
              List.of());
      case FollowingJson f -> new Footprint(List.of(SitePaths.objectKey(f.path())), List.of());
      case SitemapIndex i -> new Footprint(List.of(SitePaths.objectKey(i.path())), List.of());
      case RootFiles r ->
          new Footprint(
              List.of(
                  SitePaths.objectKey(SitePaths.robots()),
                  SitePaths.objectKey(SitePaths.favicon())),
              List.of());
      default -> new Footprint(keys(ref::path), List.of());
    };
  }

  private static List<String> keys(Function<SiteLocale, String> path) {
    return SiteLocale.ALL.stream().map(l -> SitePaths.objectKey(path.apply(l))).toList();
  }

  /** Each locale's key prefix of a timeline's pages 2.. ("es/users/u/home/page/"). */
  private static List<String> timelineSweeps(String username) {
    return SiteLocale.ALL.stream()
        .map(l -> SitePaths.timeline(l, username).substring(1) + "page/")
        .toList();
  }

  /** {@code k == null}: the front, the newest page-full of posts, numbered or not yet. */
  private Rendering explore(Long k) {
    Paginator pages = explorePages(SiteLocale.DEFAULT);
    List<Post> posts;
    long newestLeftOut = 0;
    if (k == null) {
      Newest newest = newestOfAll();
      posts = newest.posts();
      newestLeftOut = newest.newestLeftOut();
    } else {
      if (!pages.hasPage(k)) {
        return Rendering.removed(keys(l -> SitePaths.explorePage(l, k)));
      }
      posts = stablePage(pages, k, state::explore, "explore");
    }
    CachePolicy policy = k == null ? CachePolicy.CHANGING : pages.policy(k);
    List<Page> out = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
      Paginator localized = explorePages(locale);
      String title = k == null ? t.get("explore_title") : t.get("explore_page_title", k);
      Pager pager = k == null ? localized.frontPager(newestLeftOut) : localized.pager(k);
      var view = new ExploreView(title, title, k == null, views(posts, locale), pager);
      String path = k == null ? SitePaths.explore(locale) : SitePaths.explorePage(locale, k);
      out.add(html(path, "explore", locale, Map.of("view", view), policy));
    }
    return new Rendering(out, List.of(), List.of());
  }

  /** The front's posts: the newest not yet numbered, then the newest numbered ones. */
  private record Newest(List<Post> posts, long newestLeftOut) {}

  private Newest newestOfAll() {
    long numbered = state.numberedCount();
    List<Post> posts = new ArrayList<>(state.newestUnnumbered(pagination.pageSize()));
    long fromNumbered = pagination.pageSize() - posts.size();
    long newestLeftOut = numbered - fromNumbered;
    posts.addAll(state.explore(Math.max(1, newestLeftOut + 1), numbered));
    return new Newest(posts, newestLeftOut);
  }

  private Paginator explorePages(SiteLocale locale) {
    return new Paginator(
        pagination,
        state.numberedCount(),
        n -> SitePaths.explorePage(locale, n),
        SitePaths.explore(locale));
  }

  private Rendering profile(String username, Long k) {
    Function<SiteLocale, String> path =
        l -> k == null ? SitePaths.profile(l, username) : SitePaths.profilePage(l, username, k);
    Optional<User> found = state.user(username);
    if (found.isEmpty()) {
      return Rendering.removed(keys(path));
    }
    User user = found.get();
    Paginator pages = profilePages(user, SiteLocale.DEFAULT);
    if (k != null && !pages.hasPage(k)) {
      return Rendering.removed(keys(path));
    }
    String list = "profile of " + username;
    List<Post> posts;
    long newestLeftOut = Math.max(0, user.postCount() - pagination.pageSize());
    if (k == null) {
      posts =
          read(
              newestLeftOut + 1,
              user.postCount(),
              (from, to) -> state.postsBy(username, from, to),
              list);
    } else {
      posts = stablePage(pages, k, (from, to) -> state.postsBy(username, from, to), list);
    }
    CachePolicy policy = k == null ? CachePolicy.CHANGING : pages.policy(k);
    List<Page> out = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
      Paginator localized = profilePages(user, locale);
      var view =
          new ProfileView(
              k == null ? username : t.get("profile_page_title", username, k),
              username,
              SitePaths.profile(locale, username),
              k == null,
              k == null ? "" : t.get("page_number", k),
              user.about(),
              Dates.iso(user.joinedAt()),
              Dates.date(user.joinedAt(), locale.locale()),
              user.postCount(),
              user.followers(),
              user.following(),
              ApiPaths.follow(username),
              ApiPaths.unfollow(username),
              views(posts, locale),
              k == null ? localized.frontPager(newestLeftOut) : localized.pager(k));
      out.add(html(path.apply(locale), "profile", locale, Map.of("view", view), policy));
    }
    return new Rendering(out, List.of(), List.of());
  }

  private Paginator profilePages(User user, SiteLocale locale) {
    String username = user.username();
    return new Paginator(
        pagination,
        user.postCount(),
        n -> SitePaths.profilePage(locale, username, n),
        SitePaths.profile(locale, username));
  }

  /** All pages of the timeline; pages beyond the last (it shrank after an unfollow) are swept. */
  private Rendering timeline(String username) {
    List<String> sweeps = timelineSweeps(username);
    if (state.user(username).isEmpty()) {
      return new Rendering(List.of(), keys(l -> SitePaths.timeline(l, username)), sweeps);
    }
    List<String> authors = new ArrayList<>();
    authors.add(username);
    authors.addAll(state.following(username));
    List<Post> posts = state.latestOf(authors, TIMELINE_POSTS);
    int size = pagination.pageSize();
    int count = Math.max(1, (posts.size() + size - 1) / size);
    List<Page> pages = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
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
                    n > 1 ? SitePaths.timelinePage(locale, username, n - 1) : null,
                    n < count ? SitePaths.timelinePage(locale, username, n + 1) : null),
                n == count && posts.size() >= TIMELINE_POSTS);
        pages.add(
            html(
                SitePaths.timelinePage(locale, username, n),
                "timeline",
                locale,
                Map.of("view", view),
                CachePolicy.CHANGING));
      }
    }
    // A timeline of the most pages it can have has nothing beyond them to sweep: skip the listing.
    boolean full = count * size >= TIMELINE_POSTS;
    return new Rendering(pages, List.of(), full ? List.of() : sweeps);
  }

  private Rendering permalink(String author, long seq) {
    Optional<Post> post = state.post(author, seq);
    if (post.isEmpty()) {
      return Rendering.removed(keys(l -> SitePaths.post(l, author, seq)));
    }
    List<Page> out = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
      var view =
          new PermalinkView(
              t.get("permalink_heading", author),
              Views.post(post.get(), locale),
              SitePaths.profilePage(locale, author, pagination.pageOf(seq)),
              t.get("permalink_context", author));
      out.add(
          html(
              SitePaths.post(locale, author, seq),
              "post",
              locale,
              Map.of("view", view),
              CachePolicy.ARCHIVE));
    }
    return new Rendering(out, List.of(), List.of());
  }

  private Rendering followingJson(String username) {
    String path = SitePaths.followingJson(username);
    if (state.user(username).isEmpty()) {
      return Rendering.removed(List.of(SitePaths.objectKey(path)));
    }
    try {
      byte[] body = JSON.writeValueAsBytes(state.following(username));
      return Rendering.of(new Page(path, body, Page.JSON, CachePolicy.CHANGING));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of names always serialises", e);
    }
  }

  private Rendering sitePage(SitePage page) {
    List<Page> out = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
      Map<String, ?> model =
          switch (page.name()) {
            case "signup" -> Forms.signup(t, Map.of(), Map.of());
            case "login" -> Forms.login(t, Map.of(), Map.of());
            default -> Map.of();
          };
      out.add(html(page.path(locale), page.name(), locale, model, CachePolicy.CHANGING));
    }
    return new Rendering(out, List.of(), List.of());
  }

  private Page html(
      String path, String template, SiteLocale locale, Map<String, ?> model, CachePolicy policy) {
    return Page.html(path, templates.render(template, locale, path, model), policy);
  }

  private Rendering assets() {
    List<Page> pages = new ArrayList<>();
    ClasspathAssets.all()
        .forEach(
            (name, body) ->
                pages.add(
                    new Page(
                        "/assets/" + name, body, Page.contentTypeOf(name), CachePolicy.ASSET)));
    return new Rendering(pages, List.of(), List.of());
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

  private static List<PostView> views(List<Post> posts, SiteLocale locale) {
    return posts.stream().map(p -> Views.post(p, locale)).toList();
  }
}
