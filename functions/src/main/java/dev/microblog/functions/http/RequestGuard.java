package dev.microblog.functions.http;

import dev.microblog.core.domain.ApiPaths;
import dev.microblog.core.domain.Rules;
import dev.microblog.functions.Settings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Checks every write before its body is read: it must come from the site's pages ({@link
 * SameOrigin}, else 403) and be at most {@link Rules#MAX_REQUEST_BYTES} long (else 413). Also keeps
 * every answer out of caches: they are personal.
 */
@ServerFilter(ApiPaths.ALL)
final class RequestGuard {
  private final SameOrigin sameOrigin;
  private final Replies replies;

  RequestGuard(Settings.Site settings, Replies replies) {
    this.sameOrigin = new SameOrigin(settings.siteOrigins());
    this.replies = replies;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> guard(HttpRequest<?> request) {
    if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
      return null;
    }
    var headers = request.getHeaders();
    // Behind the CDN the API sees its own Host; the reader's host comes as X-Forwarded-Host.
    if (!sameOrigin.allows(
        headers.get(HttpHeaders.ORIGIN),
        headers.get(HttpHeaders.REFERER),
        headers.get(HttpHeaders.HOST),
        headers.get("X-Forwarded-Host"))) {
      return replies.refused(
          request, HttpStatus.FORBIDDEN, replies.messages(request).get("error_cross_origin"));
    }
    if (request.getContentLength() > Rules.MAX_REQUEST_BYTES) {
      return TooLargeHandler.refuse(request, replies);
    }
    return null;
  }

  /** {@link Replies} marks its own answers; this covers the framework's (404, 415, 500…). */
  @ResponseFilter
  void noStore(MutableHttpResponse<?> response) {
    if (!response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
      response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
  }
}
