package dev.microblog.localstack;

import dev.microblog.core.domain.EdgePaths;
import dev.microblog.core.domain.SiteLocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution's viewer-request rule, as the local CDN stand-in applies it: the Java twin of
 * the SiteRequest CloudFront Function in template.yaml, step for step (EdgeFunctionTest runs both
 * and compares). In order:
 *
 * <ol>
 *   <li>{@code ?lang=<locale>} switches: the choice goes into the {@code lang} cookie and the
 *       reader to the same page in that locale, without the parameter.
 *   <li>{@code /{locale}/…} and the locale-free paths ({@link EdgePaths#LOCALE_FREE}) are served: a
 *       directory path gets its {@code index.html}, one without its slash is sent to it.
 *   <li>Any other path is sent to the reader's locale ({@link SiteLocale#negotiate}). An unknown
 *       locale ({@code /fr/…}) lands on a key the bucket lacks, so its not-found page answers in
 *       the reader's language.
 * </ol>
 *
 * Query strings are taken apart and put back together as CloudFront hands them to the function: by
 * name in order of first appearance, a repeated name's values together, {@code a=} written {@code
 * a}.
 */
public final class EdgeRequest {
  private EdgeRequest() {}

  private static final String COOKIE_ATTRIBUTES = "Path=/; Max-Age=31536000; SameSite=Lax";

  /** What the rule decided. */
  public sealed interface Outcome permits Fetch, Redirect {}

  /** Ask the origin for this URI (a key in the bucket, with its leading slash). */
  public record Fetch(String uri) implements Outcome {}

  /** Answer at the edge; {@code headers} are the others besides Location, names in lower case. */
  public record Redirect(int status, String location, Map<String, String> headers)
      implements Outcome {}

  /**
   * @param uri the request's path, as sent (percent-encoded)
   * @param rawQuery the query string, as sent, or null
   * @param https whether the reader came over HTTPS: the cookie is then {@code Secure}, as
   *     CloudFront sets it; the local stand-in speaks plain HTTP, where a browser would drop it
   */
  public static Outcome decide(
      String uri,
      String rawQuery,
      List<String> cookieHeaders,
      List<String> acceptLanguage,
      boolean https) {
    Map<String, List<String>> query = parseQuery(rawQuery);
    int slash = uri.indexOf('/', 1);
    String first = slash < 0 ? uri.substring(1) : uri.substring(1, slash);
    boolean localized = SiteLocale.of(first).isPresent();
    boolean localeFree = EdgePaths.LOCALE_FREE.contains(first);
    Optional<SiteLocale> chosen =
        Optional.ofNullable(query.get("lang")).flatMap(values -> SiteLocale.of(values.get(0)));
    if (chosen.isPresent()) {
      String tag = chosen.get().tag();
      String rest = localized ? uri.substring(first.length() + 1) : uri;
      String target = localeFree ? uri : "/" + tag + (rest.isEmpty() ? "/" : rest);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("cache-control", "no-store");
      headers.put(
          "set-cookie",
          SiteLocale.COOKIE + "=" + tag + "; " + COOKIE_ATTRIBUTES + (https ? "; Secure" : ""));
      return new Redirect(302, target + format(query, "lang"), headers);
    }
    if (localized || localeFree) {
      return directoryIndex(uri, query);
    }
    String acceptLanguages = acceptLanguage.isEmpty() ? null : String.join(",", acceptLanguage);
    SiteLocale locale = SiteLocale.negotiate(cookie(cookieHeaders), acceptLanguages);
    return new Redirect(
        302, "/" + locale.tag() + uri + format(query, null), Map.of("cache-control", "no-store"));
  }

  /** Pages are {@code <path>/index.html}; a last segment without a dot is a directory. */
  private static Outcome directoryIndex(String uri, Map<String, List<String>> query) {
    if (uri.endsWith("/")) {
      return new Fetch(uri + "index.html");
    }
    if (uri.substring(uri.lastIndexOf('/') + 1).contains(".")) {
      return new Fetch(uri);
    }
    return new Redirect(301, uri + "/" + format(query, null), Map.of());
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!name.isEmpty()) {
        query
            .computeIfAbsent(name, n -> new ArrayList<>())
            .add(eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return query;
  }

  private static String format(Map<String, List<String>> query, String leaveOut) {
    List<String> parts = new ArrayList<>();
    query.forEach(
        (name, values) -> {
          if (!name.equals(leaveOut)) {
            values.forEach(v -> parts.add(name + (v.isEmpty() ? "" : "=" + v)));
          }
        });
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /**
   * The {@code lang} cookie's value, read as CloudFront reads {@code Cookie} headers for the
   * function: {@code name=value} pairs split on {@code ;}, spaces and tabs around them dropped, the
   * first of a repeated name kept. Quotes around the value are not part of it (RFC 6265).
   */
  private static String cookie(List<String> cookieHeaders) {
    for (String header : cookieHeaders) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq >= 0 && trim(pair.substring(0, eq)).equals(SiteLocale.COOKIE)) {
          String value = trim(pair.substring(eq + 1));
          return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
              ? value.substring(1, value.length() - 1)
              : value;
        }
      }
    }
    return null;
  }

  private static String trim(String s) {
    return s.replaceAll("^[ \\t]+|[ \\t]+\\z", "");
  }
}
