package dev.microblog.functions.http;

import dev.microblog.core.domain.ApiPaths;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The answers Micronaut makes itself (no route for a path, a method or content type a route does
 * not take, arguments it could not bind…), in the site's words and shape instead of Micronaut's own
 * error JSON ({@code _embedded}, {@code _links}) or HTML: the site's pages for readers, {@code
 * {"errors":{"form":…}}} for scripts.
 *
 * <p>A path nothing serves gets the page the generator publishes as {@code /404.html}. GETs outside
 * {@code /api} may be cached briefly: the CDN asks the functions when the bucket has no page, and a
 * page published a moment later must not stay hidden for long.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ErrorPages implements ErrorResponseProcessor<Object> {
  // A second, as for every page that changes: a page published just after a miss (a permalink
  // opened a moment early) shows a second later, and a flood of misses still reaches the API at
  // most once a second per path and edge.
  static final String NOT_FOUND_CACHE = "public, max-age=0, s-maxage=1";

  private final Replies replies;
  private final Failures failures;

  ErrorPages(Replies replies, Failures failures) {
    this.replies = replies;
    this.failures = failures;
  }

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<Object> processResponse(
      ErrorContext context, MutableHttpResponse<?> base) {
    HttpRequest<?> request = context.getRequest();
    int code = base.code();
    MutableHttpResponse<?> answer;
    if (code >= 500) {
      answer =
          failures.answer(
              request,
              context
                  .getRootCause()
                  .orElseGet(() -> new IllegalStateException("framework answered " + code)));
    } else if (code == HttpStatus.NOT_FOUND.getCode()) {
      answer = notFound(request);
    } else {
      answer = replies.refused(request, HttpStatus.valueOf(code), message(request, code));
    }
    // Keep what the framework set besides body and type (e.g. Allow on a 405).
    base.getHeaders()
        .forEach(
            (name, values) -> {
              if (!answer.getHeaders().contains(name)
                  && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                  && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> answer.header(name, value));
              }
            });
    return (MutableHttpResponse<Object>) answer;
  }

  private MutableHttpResponse<?> notFound(HttpRequest<?> request) {
    var t = replies.messages(request);
    if (Replies.wantsJson(request)) {
      return replies.errors(HttpStatus.NOT_FOUND, Map.of("form", t.get("notfound_body")));
    }
    MutableHttpResponse<?> page = replies.page(request, HttpStatus.NOT_FOUND, "404", Map.of());
    boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
    if (read && !ApiPaths.isApi(request.getPath())) {
      page.getHeaders().set(HttpHeaders.CACHE_CONTROL, NOT_FOUND_CACHE);
    }
    return page;
  }

  private String message(HttpRequest<?> request, int code) {
    var t = replies.messages(request);
    return switch (code) {
      case 405 -> t.get("error_method_not_allowed");
      case 406 -> t.get("error_not_acceptable");
      case 415 -> t.get("error_unsupported_type");
      default -> t.get("error_bad_request");
    };
  }
}
