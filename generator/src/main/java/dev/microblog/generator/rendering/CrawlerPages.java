package dev.microblog.generator.rendering;

import dev.microblog.core.domain.Pagination;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.core.domain.User;
import dev.microblog.generator.planning.PageRef.PostsSitemap;
import dev.microblog.generator.rendering.feeds.AtomFeed;
import dev.microblog.generator.rendering.feeds.AtomRenderer;
import dev.microblog.generator.rendering.feeds.Favicon;
import dev.microblog.generator.rendering.feeds.RobotsTxt;
import dev.microblog.generator.rendering.feeds.SitemapRef;
import dev.microblog.generator.rendering.feeds.SitemapRenderer;
import dev.microblog.generator.rendering.feeds.SitemapUrl;
import dev.microblog.generator.state.SiteState;
import dev.microblog.site.Messages;
import dev.microblog.site.Templates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What feed readers and crawlers fetch: Atom feeds of the newest posts (of all, of each user) per
 * locale, sitemaps of the permalinks per locale, and the root's robots.txt and favicon. Their URLs
 * are absolute ({@code origin}), as the formats require.
 */
final class CrawlerPages {
  private final SiteState state;
  private final Templates templates;
  private final Pagination pagination;
  private final String origin;

  CrawlerPages(SiteState state, Templates templates, Pagination pagination, String origin) {
    this.state = state;
    this.templates = templates;
    this.pagination = pagination;
    this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }

  /** The newest page-full of all posts, as the explore front shows them. */
  Rendering exploreFeed(List<Post> newest) {
    List<Page> pages = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
      pages.add(
          feed(
              SitePaths.feed(locale),
              SitePaths.explore(locale),
              t.get("feed_explore_title"),
              locale,
              newest));
    }
    return new Rendering(pages, List.of(), List.of());
  }

  Rendering userFeed(String username, List<Post> newest) {
    List<Page> pages = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      Messages t = templates.messages(locale);
      pages.add(
          feed(
              SitePaths.userFeed(locale, username),
              SitePaths.profile(locale, username),
              t.get("feed_user_title", username),
              locale,
              newest));
    }
    return new Rendering(pages, List.of(), List.of());
  }

  private Page feed(String path, String page, String title, SiteLocale locale, List<Post> posts) {
    List<AtomFeed.Entry> entries =
        posts.stream()
            .map(
                p -> {
                  String url = url(SitePaths.post(locale, p.author(), p.seq()));
                  return new AtomFeed.Entry(
                      url,
                      url,
                      p.author(),
                      url(SitePaths.profile(locale, p.author())),
                      p.createdAt(),
                      p.createdAt(),
                      p.body(),
                      // The entry is the post as written: its language, not the page's ("und"
                      // when the detector was unsure and the author did not say).
                      p.lang());
                })
            .toList();
    Instant updated =
        posts.stream().map(Post::createdAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    AtomFeed feed =
        new AtomFeed(url(path), title, locale.tag(), url(path), url(page), updated, entries);
    return new Page(
        path, AtomRenderer.render(feed), AtomRenderer.CONTENT_TYPE, CachePolicy.CHANGING);
  }

  /** The permalinks of the posts numbered in the block, one file per locale. */
  Rendering postsSitemap(long block) {
    long first = block * PostsSitemap.SIZE + 1;
    long last = Math.min(state.numberedCount(), (block + 1) * PostsSitemap.SIZE);
    if (block < 0 || first > last) {
      return Rendering.removed(
          SiteLocale.ALL.stream()
              .map(l -> SitePaths.objectKey(SitePaths.postsSitemap(l, block)))
              .toList());
    }
    List<Post> posts = state.explore(first, last);
    List<Page> pages = new ArrayList<>();
    // A full block never changes again; the newest fills up as posts are numbered.
    CachePolicy policy =
        last == (block + 1) * PostsSitemap.SIZE ? CachePolicy.ARCHIVE : CachePolicy.CHANGING;
    for (SiteLocale locale : SiteLocale.ALL) {
      List<SitemapUrl> urls = new ArrayList<>();
      for (Post p : posts) {
        Map<String, String> byLang = new LinkedHashMap<>();
        SiteLocale.ALL.forEach(
            l -> byLang.put(l.tag(), url(SitePaths.post(l, p.author(), p.seq()))));
        SitemapUrl.localized(byLang, SiteLocale.DEFAULT.tag(), p.createdAt()).stream()
            .filter(u -> u.loc().equals(byLang.get(locale.tag())))
            .forEach(urls::add);
      }
      pages.add(
          new Page(
              SitePaths.postsSitemap(locale, block),
              SitemapRenderer.urlset(urls),
              SitemapRenderer.CONTENT_TYPE,
              policy));
    }
    return new Rendering(pages, List.of(), List.of());
  }

  /** Every locale's post sitemaps; changes only when a block starts. */
  Rendering sitemapIndex() {
    long blocks = (state.numberedCount() + PostsSitemap.SIZE - 1) / PostsSitemap.SIZE;
    List<SitemapRef> sitemaps = new ArrayList<>();
    for (SiteLocale locale : SiteLocale.ALL) {
      for (long b = 0; b < blocks; b++) {
        sitemaps.add(new SitemapRef(url(SitePaths.postsSitemap(locale, b)), null));
      }
    }
    return Rendering.of(
        new Page(
            SitePaths.sitemapIndex(),
            SitemapRenderer.index(sitemaps),
            SitemapRenderer.CONTENT_TYPE,
            CachePolicy.CHANGING));
  }

  Rendering rootFiles() {
    return Rendering.of(
        new Page(
            SitePaths.robots(),
            RobotsTxt.render(url(SitePaths.sitemapIndex())),
            RobotsTxt.CONTENT_TYPE,
            CachePolicy.CHANGING),
        new Page(SitePaths.favicon(), Favicon.ico(), Favicon.CONTENT_TYPE, CachePolicy.CHANGING));
  }

  /** A user's newest page-full of posts, or nothing for a user who is gone. */
  Optional<List<Post>> newestOf(String username) {
    Optional<User> user = state.user(username);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    long count = user.get().postCount();
    long from = Math.max(1, count - pagination.pageSize() + 1);
    List<Post> posts =
        new ArrayList<>(count == 0 ? List.of() : state.postsBy(username, from, count));
    posts.sort(Post.NEWEST_FIRST);
    return Optional.of(posts);
  }

  private String url(String path) {
    return origin + path;
  }
}
