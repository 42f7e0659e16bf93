package dev.microblog.functions.http;

import dev.microblog.core.store.Retryable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that failed on our side. The reader gets a short reference, and the log one
 * line with that reference and the exception, so a report can be matched to its cause; the answer
 * itself never carries a stack trace or an internal message.
 *
 * <p>When the failure passes by itself ({@link Retryable}: throttling, an unreachable endpoint, a
 * 5xx, a transaction conflict that outlasted the SDK's retries) the answer is 503 with {@code
 * Retry-After}; otherwise 500.
 */
@Singleton
public final class Failures {
  /** Seconds a reader (or the page's script) is asked to wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Replies replies;

  Failures(Replies replies) {
    this.replies = replies;
  }

  public MutableHttpResponse<?> answer(HttpRequest<?> request, Throwable failure) {
    String reference = newReference();
    boolean retryable = Retryable.test(failure);
    LOG.error(
        "failure {} ({}): {} {}",
        reference,
        retryable ? "retryable" : "not retryable",
        request.getMethodName(),
        request.getPath(),
        failure);
    var t = replies.messages(request);
    if (retryable) {
      return replies
          .refused(request, HttpStatus.SERVICE_UNAVAILABLE, t.get("error_unavailable", reference))
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
    return replies.refused(
        request, HttpStatus.INTERNAL_SERVER_ERROR, t.get("error_unexpected", reference));
  }

  /**
   * Eight hex digits: enough to tell one failure from another in a day's logs, easy to read out.
   */
  private static String newReference() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
