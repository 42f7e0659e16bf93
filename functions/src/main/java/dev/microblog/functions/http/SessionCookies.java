package dev.microblog.functions.http;

import dev.microblog.functions.Settings;
import dev.microblog.functions.account.Sessions;
import dev.microblog.functions.account.SignedIn;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.cookie.ServerCookieEncoder;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

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

  public SessionCookies(Settings.Cookies settings) {
    this.secure = settings.secure();
  }

  /** Opens the session in the browser: sets both cookies on {@code response}. */
  public <T> MutableHttpResponse<T> issue(MutableHttpResponse<T> response, SignedIn signedIn) {
    return set(response, issued(signedIn));
  }

  /** Makes the browser forget both cookies. */
  public <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response) {
    return set(response, cleared());
  }

  /** The cookies of a new session, in the order they are sent: session, then user. */
  public List<Cookie> issued(SignedIn signedIn) {
    return List.of(
        cookie(SESSION, signedIn.sessionToken(), true).maxAge(Sessions.LIFETIME),
        cookie(USER, signedIn.username(), false).maxAge(Sessions.LIFETIME));
  }

  /** Cookies that make the browser forget both, in the same order. */
  public List<Cookie> cleared() {
    return List.of(cookie(SESSION, "", true).maxAge(0), cookie(USER, "", false).maxAge(0));
  }

  /**
   * One {@code Set-Cookie} header per cookie, in order. Not {@code response.cookies(…)}: without
   * Netty (the Lambda package) the response keeps its cookies in a hash set and writes every {@code
   * Set-Cookie} header again from it, so their order would depend on the JVM.
   */
  private static <T> MutableHttpResponse<T> set(
      MutableHttpResponse<T> response, List<Cookie> cookies) {
    for (Cookie cookie : cookies) {
      ServerCookieEncoder.INSTANCE
          .encode(cookie)
          .forEach(header -> response.header(HttpHeaders.SET_COOKIE, header));
    }
    return response;
  }

  /**
   * The session token from the request's {@code Cookie} headers, read by {@link CookieHeader}
   * rather than {@code request.getCookies()}, which loses cookies behind API Gateway.
   */
  public Optional<String> token(HttpRequest<?> request) {
    return CookieHeader.value(request.getHeaders().getAll(HttpHeaders.COOKIE), SESSION)
        .filter(token -> !token.isBlank());
  }

  private Cookie cookie(String name, String value, boolean httpOnly) {
    return Cookie.of(name, value)
        .path("/")
        .httpOnly(httpOnly)
        .secure(secure)
        .sameSite(SameSite.Lax);
  }
}
