package dev.microblog.generator.publishing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** Invalidates a CloudFront distribution: one CreateInvalidation per batch. */
public final class CloudFrontInvalidator implements Invalidator {
  /**
   * CloudFront allows 3,000 paths in progress per distribution; past this many in one batch (a full
   * rebuild) one wildcard is cheaper and cannot hit the limit.
   */
  static final int MAX_PATHS = 1000;

  private final CloudFrontClient cloudFront;
  private final String distributionId;

  public CloudFrontInvalidator(CloudFrontClient cloudFront, String distributionId) {
    this.cloudFront = cloudFront;
    this.distributionId = distributionId;
  }

  @Override
  public void invalidate(List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    List<String> items = cloudFrontPaths(paths);
    cloudFront.createInvalidation(
        b ->
            b.distributionId(distributionId)
                .invalidationBatch(
                    batch ->
                        batch
                            .callerReference(UUID.randomUUID().toString())
                            .paths(p -> p.quantity(items.size()).items(items))));
  }

  /**
   * A directory page may be cached under its URL ("/users/a/") or, when an edge function rewrites
   * it, under its object ("/users/a/index.html"): both are invalidated.
   */
  static List<String> cloudFrontPaths(Collection<String> paths) {
    Set<String> items = new LinkedHashSet<>();
    for (String path : paths) {
      items.add(path);
      if (path.endsWith("/")) {
        items.add(path + "index.html");
      }
    }
    return items.size() > MAX_PATHS ? List.of("/*") : new ArrayList<>(items);
  }
}
