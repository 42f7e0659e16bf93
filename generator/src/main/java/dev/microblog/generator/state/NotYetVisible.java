package dev.microblog.generator.state;

/**
 * A read returned less than the counters promise: an index (DynamoDB's GSIs are eventually
 * consistent) has not caught up with a committed write yet. Publishing now would freeze a page with
 * a post missing, so the record is retried instead.
 */
public final class NotYetVisible extends RuntimeException {
  public NotYetVisible(String message) {
    super(message);
  }
}
