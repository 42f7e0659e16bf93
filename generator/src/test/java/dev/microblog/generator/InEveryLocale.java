package dev.microblog.generator;

import java.util.Arrays;
import java.util.List;

/**
 * A reader page's keys or paths in each of the site's languages, spelled out here rather than taken
 * from the production path code, so a test's expectation does not come from what it tests.
 */
public final class InEveryLocale {
  private InEveryLocale() {}

  /** The site's locale folders, as readers see them in the address bar. */
  public static final List<String> TAGS = List.of("en", "es", "ar");

  /** Object keys, "users/alice/index.html" becoming "en/users/alice/index.html" and so on. */
  public static String[] keys(String... keys) {
    return TAGS.stream()
        .flatMap(tag -> Arrays.stream(keys).map(key -> tag + "/" + key))
        .toArray(String[]::new);
  }

  /** Page paths, "/users/alice/" becoming "/en/users/alice/" and so on. */
  public static String[] paths(String... paths) {
    return TAGS.stream()
        .flatMap(tag -> Arrays.stream(paths).map(path -> "/" + tag + path))
        .toArray(String[]::new);
  }
}
