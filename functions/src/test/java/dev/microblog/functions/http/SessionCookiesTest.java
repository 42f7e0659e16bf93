package dev.microblog.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.functions.Settings;
import dev.microblog.functions.account.SignedIn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.simple.SimpleHttpResponseFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {
  private static final SignedIn ALICE = new SignedIn("alice", "token-123");

  @Test
  void theTokenIsHiddenFromScriptsTheUsernameIsNot() {
    var cookies = new SessionCookies(new Settings.Cookies(false)).issued(ALICE);

    Cookie session = find(cookies, "mb_session");
    Cookie user = find(cookies, "mb_user");
    assertThat(session.getValue()).isEqualTo("token-123");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(user.getValue()).isEqualTo("alice");
    assertThat(user.isHttpOnly()).isFalse();
    for (Cookie cookie : cookies) {
      assertThat(cookie.getPath()).isEqualTo("/");
      assertThat(cookie.getSameSite()).contains(SameSite.Lax);
      assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(30).toSeconds());
      assertThat(cookie.isSecure()).isFalse();
    }
  }

  @Test
  void inAwsTheyTravelOverHttpsOnly() {
    var settings = new Settings.Cookies(true);

    assertThat(new SessionCookies(settings).issued(ALICE)).allMatch(Cookie::isSecure);
    assertThat(new SessionCookies(settings).cleared()).allMatch(Cookie::isSecure);
  }

  @Test
  void clearingExpiresBothAtOnce() {
    var cookies = new SessionCookies(new Settings.Cookies(false)).cleared();

    assertThat(cookies)
        .extracting(Cookie::getName)
        .containsExactlyInAnyOrder("mb_session", "mb_user");
    assertThat(cookies).allMatch(c -> c.getMaxAge() == 0 && c.getValue().isEmpty());
  }

  @Test
  void theSessionCookieComesFirstEveryTime() {
    var cookies = new SessionCookies(new Settings.Cookies(false));

    assertThat(cookies.issued(ALICE))
        .extracting(Cookie::getName)
        .containsExactly("mb_session", "mb_user");
    assertThat(cookies.cleared())
        .extracting(Cookie::getName)
        .containsExactly("mb_session", "mb_user");
  }

  /** The response the Lambda package builds (no Netty) is the one that lost the order. */
  @Test
  void theHeadersKeepThatOrderOnTheLambdaPackagesResponse() {
    var cookies = new SessionCookies(new Settings.Cookies(false));
    var response = new SimpleHttpResponseFactory().status(HttpStatus.SEE_OTHER, (String) null);

    cookies.issue(response, ALICE);

    assertThat(response.getHeaders().getAll("Set-Cookie"))
        .satisfiesExactly(
            h -> assertThat(h).startsWith("mb_session=token-123;").containsIgnoringCase("HttpOnly"),
            h -> assertThat(h).startsWith("mb_user=alice;"));
  }

  @Test
  void theTokenIsFoundWhereverTheBrowserPutsIt() {
    var cookies = new SessionCookies(new Settings.Cookies(false));

    for (var request :
        List.of(
            HttpRequest.GET("/").header("Cookie", "mb_user=alice; mb_session=token-123"),
            HttpRequest.GET("/").header("Cookie", "mb_session=token-123; mb_user=alice"),
            HttpRequest.GET("/")
                .header("Cookie", "mb_user=alice")
                .header("Cookie", "mb_session=token-123"))) {
      assertThat(cookies.token(request))
          .as(request.getHeaders().getAll("Cookie").toString())
          .contains("token-123");
    }
    assertThat(cookies.token(HttpRequest.GET("/").header("Cookie", "mb_session=; mb_user=a")))
        .isEmpty();
  }

  private static Cookie find(Iterable<Cookie> cookies, String name) {
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(name)) {
        return cookie;
      }
    }
    throw new AssertionError("no cookie " + name);
  }
}
