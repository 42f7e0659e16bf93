package dev.microblog.functions.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Every exception nothing else answered (the store unreachable, a bug): the site's error page or
 * {@code {"errors":{"form":…}}}, never the exception's text. See {@link Failures}.
 */
@Produces
@Singleton
final class FailureHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
  private final Failures failures;

  FailureHandler(Failures failures) {
    this.failures = failures;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, Exception exception) {
    return failures.answer(request, exception);
  }
}
