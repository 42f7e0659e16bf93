package dev.microblog.generator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
  public Outcome publish(Page page) {
    String sha = page.sha256();
    Optional<HeadObjectResponse> stored = head(page.key());
    if (stored.isPresent() && same(stored.get(), page, sha)) {
      return Outcome.UNCHANGED;
    }
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(page.key())
                .contentType(page.contentType())
                .cacheControl(page.cacheControl())
                .metadata(Map.of(SHA256, sha)),
        RequestBody.fromBytes(page.body()));
    return stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
  }

  /** Same bytes and same headers: a changed cache policy must reach the object too. */
  private static boolean same(HeadObjectResponse stored, Page page, String sha) {
    return sha.equals(stored.metadata().get(SHA256))
        && page.cacheControl().equals(stored.cacheControl())
        && normalised(page.contentType()).equals(normalised(stored.contentType()));
  }

  /** Some S3 servers answer "text/html;charset=utf-8" for "text/html; charset=utf-8". */
  private static String normalised(String contentType) {
    return contentType == null ? "" : contentType.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean delete(String key) {
    if (head(key).isEmpty()) {
      return false;
    }
    s3.deleteObject(b -> b.bucket(bucket).key(key));
    return true;
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
