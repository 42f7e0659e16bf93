package dev.microblog.functions.http;

import dev.microblog.functions.SiteSettings;
import dev.microblog.functions.account.Sessions;
import dev.microblog.functions.account.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two cookies of a session: {@value #SESSION} holds the secret token (HttpOnly, scripts never
 * see it); {@value #USER} holds only the username, for the static pages' script to show the
 * signed-in state and the right follow buttons.
 */
@Singleton
public final class SessionCookies {
  public static final String SESSION = "mb_session";
  public static final String USER = "mb_user";

  private final boolean secure;

  public SessionCookies(SiteSettings settings) {
    this.secure = settings.secureCookies();
  }

  /** Session first, then user: always in this order, so every answer has the same headers. */
  public Set<Cookie> issue(SignedIn signedIn) {
    return inOrder(
        cookie(SESSION, signedIn.sessionToken(), true).maxAge(Sessions.LIFETIME),
        cookie(USER, signedIn.username(), false).maxAge(Sessions.LIFETIME));
  }

  /** Cookies that make the browser forget both. */
  public Set<Cookie> clear() {
    return inOrder(cookie(SESSION, "", true).maxAge(0), cookie(USER, "", false).maxAge(0));
  }

  /**
   * The session token from the request's {@code Cookie} headers, read by {@link CookieHeader}
   * rather than {@code request.getCookies()}, which loses cookies behind API Gateway.
   */
  public Optional<String> token(HttpRequest<?> request) {
    return CookieHeader.value(request.getHeaders().getAll(HttpHeaders.COOKIE), SESSION)
        .filter(token -> !token.isBlank());
  }

  private static Set<Cookie> inOrder(Cookie... cookies) {
    return new LinkedHashSet<>(List.of(cookies));
  }

  private Cookie cookie(String name, String value, boolean httpOnly) {
    return Cookie.of(name, value)
        .path("/")
        .httpOnly(httpOnly)
        .secure(secure)
        .sameSite(SameSite.Lax);
  }
}
