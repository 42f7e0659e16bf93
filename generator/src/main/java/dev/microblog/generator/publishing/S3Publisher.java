package dev.microblog.generator.publishing;

import dev.microblog.generator.rendering.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Publishes to an S3 bucket. Each object carries the SHA-256 of its body in its metadata, so a HEAD
 * tells whether a page changed without downloading it.
 */
public final class S3Publisher implements Publisher {
  /** User metadata key (sent as {@code x-amz-meta-sha256}): hex SHA-256 of the body. */
  public static final String SHA256 = "sha256";

  private final S3Client s3;
  private final String bucket;

  public S3Publisher(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public Seen read(String key) {
    return head(key)
        .map(
            h ->
                new Seen(
                    key, h.eTag(), h.metadata().get(SHA256), h.cacheControl(), h.contentType()))
        .orElse(Seen.absent(key));
  }

  /**
   * Replaces only the version read ({@code If-Match}), or creates only what is still absent ({@code
   * If-None-Match: *}). S3 answers a failed condition with 412 PreconditionFailed, a concurrent
   * conflicting write with 409 ConditionalRequestConflict, and If-Match on an object deleted since
   * with 404: each means another writer came between our read and our write — or that the SDK sent
   * this request again and its first attempt had landed, which the object then shows.
   */
  @Override
  public Outcome publish(Page page, Seen seen) {
    String sha = page.sha256();
    if (seen.exists() && same(seen, page, sha)) {
      return Outcome.UNCHANGED;
    }
    try {
      s3.putObject(
          b -> {
            b.bucket(bucket)
                .key(page.key())
                .contentType(page.contentType())
                .cacheControl(page.cacheControl())
                .metadata(Map.of(SHA256, sha));
            if (seen.exists()) {
              b.ifMatch(seen.etag());
            } else {
              b.ifNoneMatch("*");
            }
          },
          RequestBody.fromBytes(page.body()));
    } catch (S3Exception e) {
      if (!lostRace(e) && !(seen.exists() && noSuchKey(e))) {
        throw e;
      }
      // The SDK sends a request again when the answer to the first was lost; if the first was
      // applied, the second finds its own write and fails the condition. The object holding
      // exactly this page is a success, whoever wrote it: nothing newer is replaced.
      if (!holds(page, sha)) {
        throw new LostRace(page.key(), e);
      }
    } catch (SdkClientException e) {
      // No answer at all, on every attempt. A server that refuses a resend's condition before
      // reading its body closes the connection under it, which the client reports as a broken
      // write, not as the 412: the object may well hold this page from the first attempt.
      if (!holds(page, sha)) {
        throw e;
      }
    }
    return seen.exists() ? Outcome.UPDATED : Outcome.CREATED;
  }

  private boolean holds(Page page, String sha) {
    Seen now = read(page.key());
    return now.exists() && same(now, page, sha);
  }

  private static boolean lostRace(S3Exception e) {
    return e.statusCode() == 412 || e.statusCode() == 409;
  }

  /** A missing key, as opposed to a missing bucket. */
  private static boolean noSuchKey(S3Exception e) {
    return e instanceof NoSuchKeyException
        || (e.statusCode() == 404
            && e.awsErrorDetails() != null
            && "NoSuchKey".equals(e.awsErrorDetails().errorCode()));
  }

  /** Same bytes and same headers: a changed cache policy must reach the object too. */
  private static boolean same(Seen stored, Page page, String sha) {
    return sha.equals(stored.sha256())
        && page.cacheControl().equals(stored.cacheControl())
        && normalised(page.contentType()).equals(normalised(stored.contentType()));
  }

  /** Some S3 servers answer "text/html;charset=utf-8" for "text/html; charset=utf-8". */
  private static String normalised(String contentType) {
    return contentType == null ? "" : contentType.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** Deletes only the version read (S3 supports If-Match on DeleteObject). */
  @Override
  public boolean delete(Seen seen) {
    if (!seen.exists()) {
      return false;
    }
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(seen.key()).ifMatch(seen.etag()));
      return true;
    } catch (S3Exception e) {
      if (lostRace(e)) {
        throw new LostRace(seen.key(), e);
      }
      if (noSuchKey(e)) {
        // Gone since it was read: deleted by another writer, or by this request's first attempt
        // when the SDK sent it again. Either way it was there: the CDN must forget it.
        return true;
      }
      throw e;
    }
  }

  @Override
  public List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  private Optional<HeadObjectResponse> head(String key) {
    try {
      return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty(); // HEAD has no body, so some servers give no NoSuchKey code
      }
      throw e;
    }
  }
}
