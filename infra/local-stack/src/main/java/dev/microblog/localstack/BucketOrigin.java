package dev.microblog.localstack;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The CDN's first origin: objects read from the bucket over the S3 API. */
final class BucketOrigin {
  record StoredObject(
      byte[] body, String contentType, String cacheControl, String etag, Instant lastModified) {}

  private final S3Client s3;
  private final String bucket;

  BucketOrigin(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  Optional<StoredObject> get(String key) {
    try {
      ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
      GetObjectResponse r = object.response();
      return Optional.of(
          new StoredObject(
              object.asByteArray(), r.contentType(), r.cacheControl(), r.eTag(), r.lastModified()));
    } catch (S3Exception e) {
      if (e.statusCode() == 404 || e.statusCode() == 403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404 || e.statusCode() == 403) {
        return false;
      }
      throw e;
    }
  }
}
