package dev.microblog.localstack;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Waits until a reader of the CDN sees a new post on its permalink and on its author's profile
 * front. The profile is polled through the CDN (its cache, cleared by invalidations, is what a
 * reader meets). The permalink is a new object: asking the CDN for it before it exists would cache
 * the not-found answer for its 5 s, which no reader following a link would do, so it is first
 * waited for in the bucket and then fetched once through the CDN.
 */
final class Visibility {
  private static final Duration POLL = Duration.ofMillis(5);

  private final SiteClient reader;
  private final S3Client s3;
  private final String bucket;
  private final Duration giveUp;

  Visibility(SiteClient reader, S3Client s3, String bucket, Duration giveUp) {
    this.reader = reader;
    this.s3 = s3;
    this.bucket = bucket;
    this.giveUp = giveUp;
  }

  /** Milliseconds from {@code answeredNanos} until both pages show {@code body}. */
  long await(String author, long seq, String body, long answeredNanos) throws InterruptedException {
    // The last locale the generator writes a page in: when it shows the post, every locale does.
    SiteLocale last = SiteLocale.ALL.getLast();
    String permalink = SitePaths.post(last, author, seq);
    String profile = SitePaths.profile(last, author);
    long deadline = answeredNanos + giveUp.toNanos();
    long permalinkAt = 0;
    long profileAt = 0;
    while (permalinkAt == 0 || profileAt == 0) {
      if (profileAt == 0 && reader.get(profile).body().contains(body)) {
        profileAt = System.nanoTime();
      }
      if (permalinkAt == 0 && inBucket(SitePaths.objectKey(permalink))) {
        var page = reader.get(permalink);
        if (page.statusCode() != 200 || !page.body().contains(body)) {
          throw new IllegalStateException(
              permalink + " is in the bucket but the CDN served " + page.statusCode());
        }
        permalinkAt = System.nanoTime();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("'" + body + "' was not visible within " + giveUp);
      }
      Thread.sleep(POLL);
    }
    return (Math.max(permalinkAt, profileAt) - answeredNanos) / 1_000_000;
  }

  private boolean inBucket(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
