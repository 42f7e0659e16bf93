package dev.microblog.functions.http;

import dev.microblog.core.domain.SitePaths;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** Not signed in: a page is sent to the login form (which explains why), a script gets 401. */
@Produces
@Singleton
final class LoginRequiredHandler implements ExceptionHandler<LoginRequired, HttpResponse<?>> {
  private final Replies replies;

  LoginRequiredHandler(Replies replies) {
    this.replies = replies;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, LoginRequired exception) {
    if (Replies.wantsJson(request)) {
      return replies.errors(
          HttpStatus.UNAUTHORIZED,
          Map.of("form", replies.messages(request).get("error_login_required")));
    }
    return replies.redirect(SitePaths.login(replies.locale(request)) + "#login-required");
  }
}
