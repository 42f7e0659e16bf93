package dev.microblog.core.store;

/**
 * The table turned a write away for now (transactions conflicting, a throttled partition) and
 * retrying within this request did not help. Nothing was written; the same request may succeed in a
 * moment, so callers answer "try again" (HTTP 503) rather than "failed".
 */
public final class Busy extends RuntimeException {
  public Busy(String message, Throwable cause) {
    super(message, cause);
  }
}
