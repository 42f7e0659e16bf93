package dev.microblog.functions.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookies a browser sends, read from its {@code Cookie} headers (RFC 6265 section 4.2: {@code
 * name=value} pairs separated by {@code ;}, in no meaningful order, possibly over several headers).
 *
 * <p>Why not {@code request.getCookies()}: behind API Gateway, Micronaut's proxy reads only the
 * first {@code Cookie} header and decodes it with {@code DefaultServerCookieDecoder}, which is
 * {@link java.net.HttpCookie#parse}: a <em>Set-Cookie</em> parser that takes every pair after the
 * first for an attribute. {@code mb_user=…; mb_session=…} then has no session. (On Netty, and in
 * any test with Netty on the classpath, Netty's decoder hides this.) The grammar is small enough
 * that a parser of our own is safer than adding Netty to the Lambda package for it.
 */
final class CookieHeader {
  private CookieHeader() {}

  /** Every cookie in {@code headers}, by name; when a name repeats, the first value wins. */
  static Map<String, String> parse(List<String> headers) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : headers) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue; // not a name=value pair: ignored, as browsers and servers do
        }
        String name = pair.substring(0, eq).strip();
        if (!name.isEmpty()) {
          cookies.putIfAbsent(name, unquote(pair.substring(eq + 1).strip()));
        }
      }
    }
    return cookies;
  }

  static Optional<String> value(List<String> headers, String name) {
    return Optional.ofNullable(parse(headers).get(name));
  }

  /** RFC 6265 allows a value in double quotes; the quotes are not part of it. */
  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
