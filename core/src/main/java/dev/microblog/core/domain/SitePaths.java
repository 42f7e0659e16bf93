package dev.microblog.core.domain;

/**
 * The URL scheme of the static site. Functions redirect to these paths and the generator writes
 * them; each path is a directory whose {@code index.html} is the page. The functions' own paths are
 * {@link ApiPaths}.
 */
public final class SitePaths {
  private SitePaths() {}

  public static String explore() {
    return "/";
  }

  public static String explorePage(long page) {
    return "/page/" + page + "/";
  }

  public static String signup() {
    return "/signup/";
  }

  public static String login() {
    return "/login/";
  }

  public static String profile(String username) {
    return "/users/" + username + "/";
  }

  public static String profilePage(String username, long page) {
    return profile(username) + "page/" + page + "/";
  }

  public static String timeline(String username) {
    return profile(username) + "home/";
  }

  public static String timelinePage(String username, long page) {
    return page == 1 ? timeline(username) : timeline(username) + "page/" + page + "/";
  }

  public static String post(String author, long seq) {
    return profile(author) + "posts/" + seq + "/";
  }

  /**
   * Who a user follows, for the script that shows the right follow button to a signed-in reader.
   */
  public static String followingJson(String username) {
    return profile(username) + "following.json";
  }

  /** The object key in the bucket for a page path: directories get their index.html. */
  public static String objectKey(String path) {
    String key = path.startsWith("/") ? path.substring(1) : path;
    return key.isEmpty() || key.endsWith("/") ? key + "index.html" : key;
  }
}
