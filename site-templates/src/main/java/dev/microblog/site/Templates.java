package dev.microblog.site;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the Mustache templates under {@code templates/} on the classpath, in any {@link
 * SiteLocale}. Thread-safe; compiled templates are cached.
 */
public final class Templates {
  private static final Map<String, String> API =
      Map.of(
          "signup", ApiPaths.SIGNUP,
          "login", ApiPaths.LOGIN,
          "logout", ApiPaths.LOGOUT,
          "home", ApiPaths.home(),
          "posts", ApiPaths.POSTS);

  private final MustacheFactory factory = new DefaultMustacheFactory("templates");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
  private final Map<SiteLocale, Messages> messages = new ConcurrentHashMap<>();
  private final Map<SiteLocale, Map<String, Object>> scopes = new ConcurrentHashMap<>();

  public static Templates fromClasspath() {
    return new Templates();
  }

  /**
   * @param name a template under templates/, without ".mustache" (e.g. "signup")
   * @param locale the page's language: its messages, {@code <html lang dir>}, its links
   * @param path the page's own path (for the language switcher and the alternates), or null for an
   *     answer that has no address of its own
   * @param model the page's data; maps and records both work as scopes
   */
  public String render(String name, SiteLocale locale, String path, Map<String, ?> model) {
    Map<String, Object> top = new HashMap<>(scope(locale));
    top.put("locales", switcher(locale, path == null ? SitePaths.explore(locale) : path));
    Mustache template = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    TextBuffer out = new TextBuffer();
    try {
      template.execute(out, List.of(top, model)).flush();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public Messages messages(SiteLocale locale) {
    return messages.computeIfAbsent(locale, l -> Messages.load(l.locale()));
  }

  /**
   * What every page of a locale sees: {@code t}, its messages, so templates hold no language of
   * their own; {@code api}, where forms and links to the functions go ({@link ApiPaths}; templates
   * add {@code ?locale=} so the functions answer in the page's language); {@code site}, the
   * locale's own pages; {@code paths}, the patterns of per-user pages for the page script.
   */
  private Map<String, Object> scope(SiteLocale locale) {
    return scopes.computeIfAbsent(
        locale,
        l ->
            Map.of(
                "t", messages(l).asMap(),
                "lang", l.tag(),
                "dir", l.dir(),
                "api", API,
                "site",
                    Map.of(
                        "explore", SitePaths.explore(l),
                        "feed", SitePaths.feed(l),
                        "signup", SitePaths.signup(l),
                        "login", SitePaths.login(l)),
                "paths",
                    Map.of(
                        "timeline", SitePaths.timeline(l, "{user}"),
                        "following", SitePaths.followingJson("{user}"))));
  }

  /**
   * The page in every locale: for {@code hreflang} alternates, and for the switcher, whose links
   * ask the edge to remember the choice ({@code ?lang=}) before it sends the reader on.
   */
  private static List<Map<String, Object>> switcher(SiteLocale current, String path) {
    return SiteLocale.ALL.stream()
        .map(
            l ->
                Map.<String, Object>of(
                    "tag", l.tag(),
                    "dir", l.dir(),
                    "autonym", l.autonym(),
                    "current", l == current,
                    "href", SitePaths.inLocale(path, l),
                    "switch",
                        SitePaths.inLocale(path, l) + "?" + SiteLocale.COOKIE + "=" + l.tag()))
        .toList();
  }
}
