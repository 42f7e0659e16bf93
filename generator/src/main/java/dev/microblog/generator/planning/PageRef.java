package dev.microblog.generator.planning;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;

/**
 * A page of the site, named by what it shows. One ref may stand for several files: a timeline is
 * all its pages, the assets are every file under {@code assets/}.
 */
public sealed interface PageRef {
  /** The URL path of the ref's (first) page in {@code locale}. */
  String path(SiteLocale locale);

  /** The path in the default locale, for logs and reports. */
  default String path() {
    return path(SiteLocale.DEFAULT);
  }

  /** "/{locale}/": the newest page of all posts. */
  record ExploreFront() implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.explore(locale);
    }
  }

  /** "/page/k/": stable page k of all posts (1 is the oldest). */
  record ExplorePage(long page) implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.explorePage(locale, page);
    }
  }

  /** "/users/u/": the profile header with counts and the newest page of u's posts. */
  record ProfileFront(String username) implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.profile(locale, username);
    }
  }

  /** "/users/u/page/k/": stable page k of u's posts. */
  record ProfilePage(String username, long page) implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.profilePage(locale, username, page);
    }
  }

  /** "/users/u/home/" and its further pages: u's and their followees' newest posts. */
  record Timeline(String username) implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.timeline(locale, username);
    }
  }

  /** "/users/u/posts/seq/": one post. */
  record Permalink(String author, long seq) implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.post(locale, author, seq);
    }
  }

  /** "/data/users/u/following.json": whom u follows, for the follow button script. */
  record FollowingJson(String username) implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.followingJson(username);
    }
  }

  /** A page without data of its own: "signup", "login" or "404". */
  record SitePage(String name) implements PageRef {
    public static final SitePage SIGNUP = new SitePage("signup");
    public static final SitePage LOGIN = new SitePage("login");
    public static final SitePage NOT_FOUND = new SitePage("404");

    public String path(SiteLocale locale) {
      return switch (name) {
        case "signup" -> SitePaths.signup(locale);
        case "login" -> SitePaths.login(locale);
        case "404" -> SitePaths.notFound(locale);
        default -> throw new IllegalArgumentException("no site page " + name);
      };
    }
  }

  /** "/{locale}/feed.xml": the Atom feed of the newest posts of all. */
  record ExploreFeed() implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.feed(locale);
    }
  }

  /** "/{locale}/users/u/feed.xml": the Atom feed of u's newest posts. */
  record UserFeed(String username) implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.userFeed(locale, username);
    }
  }

  /**
   * "/{locale}/sitemaps/posts-b.xml": the permalinks of the posts numbered in block b (numbers
   * {@code b·size+1 … (b+1)·size}): a block fills once, so a new post changes only the newest.
   */
  record PostsSitemap(long block) implements PageRef {
    /** Posts per sitemap block: far inside the protocol's 50,000 URLs, small to rewrite. */
    public static final long SIZE = 1_000;

    public String path(SiteLocale locale) {
      return SitePaths.postsSitemap(locale, block);
    }
  }

  /** "/sitemap.xml": every locale's post sitemaps. */
  record SitemapIndex() implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.sitemapIndex();
    }
  }

  /** "/robots.txt" and "/favicon.ico": what crawlers and browsers ask for at the root. */
  record RootFiles() implements PageRef {
    public String path(SiteLocale locale) {
      return SitePaths.robots();
    }
  }

  /** Every file under the classpath's {@code assets/}, published as /assets/…. */
  record Assets() implements PageRef {
    public String path(SiteLocale locale) {
      return "/assets/";
    }
  }
}
