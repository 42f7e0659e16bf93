package dev.microblog.functions.account;

import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.functions.Refused;
import dev.microblog.functions.http.Replies;
import dev.microblog.functions.http.SessionCookies;
import dev.microblog.site.Forms;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;

/** Sign-up, login and logout. */
@Controller
// Forms only, from the page's script too (it sends the form itself): one way in, one validation.
// A JSON body gets 415 in the site's shape (ErrorPages).
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
final class AccountController {
  private final Signup signup;
  private final Login login;
  private final SessionCookies cookies;
  private final Replies replies;

  AccountController(Signup signup, Login login, SessionCookies cookies, Replies replies) {
    this.signup = signup;
    this.login = login;
    this.cookies = cookies;
    this.replies = replies;
  }

  @Post(ApiPaths.SIGNUP)
  HttpResponse<?> signup(
      HttpRequest<?> request,
      @Nullable String username,
      @Nullable String email,
      @Nullable String password) {
    var input = new SignupInput(username, email, password);
    var t = replies.messages(request);
    try {
      var signedIn = signup.signUp(input, t);
      return cookies.issue(
          replies.done(request, SitePaths.explore(replies.locale(request)) + "#welcome"), signedIn);
    } catch (Refused refused) {
      return replies.refusedForm(
          request, refused, "signup", Forms.signup(t, input.kept(), refused.errors()));
    }
  }

  @Post(ApiPaths.LOGIN)
  HttpResponse<?> login(
      HttpRequest<?> request, @Nullable String username, @Nullable String password) {
    var input = new LoginInput(username, password);
    var t = replies.messages(request);
    try {
      var signedIn = login.logIn(input, t);
      return cookies.issue(
          replies.done(request, replies.inLocale(request, ApiPaths.home()) + "#logged-in"),
          signedIn);
    } catch (Refused refused) {
      return replies.refusedForm(
          request, refused, "login", Forms.login(t, input.kept(), refused.errors()));
    }
  }

  /** Always succeeds: logging out twice, or without a session, leaves one logged out. */
  @Post(ApiPaths.LOGOUT)
  HttpResponse<?> logout(HttpRequest<?> request) {
    cookies.token(request).ifPresent(login::logOut);
    return cookies.clear(
        replies.done(request, SitePaths.explore(replies.locale(request)) + "#logged-out"));
  }
}
