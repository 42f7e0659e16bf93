package dev.microblog.site;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.SitePaths;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the Mustache templates under {@code templates/} on the classpath. Every scope also sees
 * {@code t}: the messages of the page's locale, so templates hold no language of their own; and
 * {@code api}: where the forms and links of every page go ({@link ApiPaths}), so templates hold no
 * URL of the functions either; and {@code paths}: the patterns of per-user pages for the page
 * script. Thread-safe; compiled templates are cached.
 */
public final class Templates {
  private static final Map<String, String> API =
      Map.of(
          "signup", ApiPaths.SIGNUP,
          "login", ApiPaths.LOGIN,
          "logout", ApiPaths.LOGOUT,
          "home", ApiPaths.home(),
          "posts", ApiPaths.POSTS);

  /**
   * Pages of one user, with {@code {user}} where the name goes: the page script fills in the
   * signed-in reader, so it spells none of the site's URLs itself.
   */
  private static final Map<String, String> PATHS =
      Map.of(
          "timeline", SitePaths.timeline("{user}"),
          "following", SitePaths.followingJson("{user}"));

  private final MustacheFactory factory = new DefaultMustacheFactory("templates");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
  private final Map<Locale, Messages> messages = new ConcurrentHashMap<>();

  public static Templates fromClasspath() {
    return new Templates();
  }

  /**
   * @param name a template under templates/, without ".mustache" (e.g. "signup")
   * @param model the page's data; maps and records both work as scopes
   */
  public String render(String name, Locale locale, Map<String, ?> model) {
    Map<String, Object> top = new HashMap<>();
    top.put("t", messages(locale).asMap());
    top.put("lang", locale.toLanguageTag());
    top.put("api", API);
    top.put("paths", PATHS);
    Mustache template = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    TextBuffer out = new TextBuffer();
    try {
      template.execute(out, List.of(top, model)).flush();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public Messages messages(Locale locale) {
    return messages.computeIfAbsent(locale, Messages::load);
  }
}
