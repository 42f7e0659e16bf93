package dev.microblog.functions.http;

import dev.microblog.core.domain.Rules;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * 413 in our words. {@link RequestGuard} answers requests that declare a too large length; this
 * answers those the server only finds too large while reading ({@code
 * micronaut.server.max-request-size}, e.g. a chunked body).
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
final class TooLargeHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
  private final Replies replies;

  TooLargeHandler(Replies replies) {
    this.replies = replies;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
    return refuse(request, replies);
  }

  static HttpResponse<?> refuse(HttpRequest<?> request, Replies replies) {
    return replies.refused(
        request,
        HttpStatus.REQUEST_ENTITY_TOO_LARGE,
        replies.messages(request).get("error_too_large", Rules.MAX_REQUEST_BYTES / 1024));
  }
}
