package dev.microblog.core.domain;

/**
 * The URL scheme of the functions, beside {@link SitePaths} (the static site's). The constants are
 * routes, compile-time so that controller annotations can name them; the methods build the URLs
 * that pages link to and redirects send to.
 */
public final class ApiPaths {
  private ApiPaths() {}

  /** Everything the functions serve lives under this; the rest is the static site. */
  public static final String ROOT = "/api";

  /** Every path of the functions, as a filter pattern. */
  public static final String ALL = ROOT + "/**";

  public static final String SIGNUP = ROOT + "/signup";
  public static final String LOGIN = ROOT + "/login";
  public static final String LOGOUT = ROOT + "/logout";

  /** One's own timeline, brought up to date first ("Home" links, logins). */
  public static final String HOME = ROOT + "/home";

  public static final String POSTS = ROOT + "/posts";

  /** The confirmation page of one's post number {@code seq}, read from the table. */
  public static final String POSTED = ROOT + "/posted/{seq}";

  public static final String FOLLOW = ROOT + "/follow/{username}";
  public static final String UNFOLLOW = ROOT + "/unfollow/{username}";

  public static String home() {
    return HOME;
  }

  public static String posted(long seq) {
    return ROOT + "/posted/" + seq;
  }

  public static String follow(String username) {
    return ROOT + "/follow/" + username;
  }

  public static String unfollow(String username) {
    return ROOT + "/unfollow/" + username;
  }

  /** Whether a request path is the functions' own (not a page of the static site). */
  public static boolean isApi(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }
}
