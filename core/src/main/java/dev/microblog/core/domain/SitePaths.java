package dev.microblog.core.domain;

/**
 * The URL scheme of the static site. Functions redirect to these paths and the generator writes
 * them; each path is a directory whose {@code index.html} is the page. Every reader page exists
 * once per {@link SiteLocale}, under {@code /{tag}/}; data for the page script and the assets do
 * not depend on the language and live outside those folders. The functions' own paths are {@link
 * ApiPaths}.
 */
public final class SitePaths {
  private SitePaths() {}

  /** Data files for the page script (the same in every language). */
  public static final String DATA = "/data/";

  public static String explore(SiteLocale locale) {
    return root(locale);
  }

  public static String explorePage(SiteLocale locale, long page) {
    return root(locale) + "page/" + page + "/";
  }

  public static String signup(SiteLocale locale) {
    return root(locale) + "signup/";
  }

  public static String login(SiteLocale locale) {
    return root(locale) + "login/";
  }

  /** The not-found page the functions answer with; kept in the bucket too, for a look at it. */
  public static String notFound(SiteLocale locale) {
    return root(locale) + "404.html";
  }

  public static String profile(SiteLocale locale, String username) {
    return root(locale) + "users/" + username + "/";
  }

  public static String profilePage(SiteLocale locale, String username, long page) {
    return profile(locale, username) + "page/" + page + "/";
  }

  public static String timeline(SiteLocale locale, String username) {
    return profile(locale, username) + "home/";
  }

  public static String timelinePage(SiteLocale locale, String username, long page) {
    return page == 1
        ? timeline(locale, username)
        : timeline(locale, username) + "page/" + page + "/";
  }

  public static String post(SiteLocale locale, String author, long seq) {
    return profile(locale, author) + "posts/" + seq + "/";
  }

  /**
   * Who a user follows, for the script that shows the right follow button to a signed-in reader.
   */
  public static String followingJson(String username) {
    return DATA + "users/" + username + "/following.json";
  }

  /** The Atom feed of the newest posts of all. */
  public static String feed(SiteLocale locale) {
    return root(locale) + "feed.xml";
  }

  /** The Atom feed of a user's newest posts. */
  public static String userFeed(SiteLocale locale, String username) {
    return profile(locale, username) + "feed.xml";
  }

  /** The sitemap index, for crawlers (robots.txt names it): the same for every language. */
  public static String sitemapIndex() {
    return "/sitemap.xml";
  }

  /** A locale's sitemap of the permalinks of the site's posts numbered in {@code block}. */
  public static String postsSitemap(SiteLocale locale, long block) {
    return root(locale) + "sitemaps/posts-" + block + ".xml";
  }

  public static String robots() {
    return "/robots.txt";
  }

  public static String favicon() {
    return "/favicon.ico";
  }

  /** The folder of a locale's pages: "/es/". */
  public static String root(SiteLocale locale) {
    return "/" + locale.tag() + "/";
  }

  /**
   * The same page in another language: {@code path} with its locale folder replaced. A path outside
   * every locale's folder is returned as it is.
   */
  public static String inLocale(String path, SiteLocale locale) {
    for (SiteLocale l : SiteLocale.ALL) {
      if (path.startsWith(root(l))) {
        return root(locale) + path.substring(root(l).length());
      }
    }
    return path;
  }

  /** The object key in the bucket for a page path: directories get their index.html. */
  public static String objectKey(String path) {
    String key = path.startsWith("/") ? path.substring(1) : path;
    return key.isEmpty() || key.endsWith("/") ? key + "index.html" : key;
  }
}
