package dev.microblog.localstack;

/**
 * What one post cost, measured from the POST until the generator was idle again.
 *
 * @param puts objects the generator wrote (created or changed) for the post
 * @param numberingPuts explore pages written for the numbering step that numbered it (shared, as
 *     its write units are)
 * @param deletes objects it deleted
 * @param invalidationPaths paths sent to the CDN
 * @param writeUnits DynamoDB write units of every write applied meanwhile but the numbering's
 * @param numberingUnits write units of the explore numbering step that numbered it: locally a step
 *     a second, so a step per post; in AWS a step a minute numbers every post of that minute
 * @param generatorInvocations generator batches (Lambda invocations)
 * @param generatorMillis their wall time together
 * @param functionMillis the POST's round trip, an upper bound of the function's billed time
 * @param visibleMillis from the POST's answer until the permalink and the profile showed it
 */
record PostCost(
    long puts,
    long numberingPuts,
    long deletes,
    long invalidationPaths,
    long writeUnits,
    long numberingUnits,
    long generatorInvocations,
    long generatorMillis,
    long functionMillis,
    long visibleMillis) {

  /** List prices, us-east-1, x86. */
  static final double S3_PUT = 0.005 / 1000;

  static final double INVALIDATION_PATH = 0.005;
  static final long FREE_INVALIDATION_PATHS = 1000;
  static final double LAMBDA_REQUEST = 0.20 / 1_000_000;
  static final double LAMBDA_GB_SECOND = 0.0000166667;
  static final double GENERATOR_GB = 2.0;
  static final double FUNCTIONS_GB = 1.0;
  static final double WRITE_UNIT = 0.625 / 1_000_000;

  /**
   * Posts one numbering step shares at 10k posts a day with AWS's one-minute steps: 6.94 posts a
   * minute on average, and a minute with none (e^-6.94 of them) takes no step.
   */
  static final double POSTS_PER_NUMBERING_STEP =
      (10_000.0 / 1440) / (1 - Math.exp(-10_000.0 / 1440));

  /** The objects written for the post, with its share of the numbering step's. */
  double objectsPerPost() {
    return puts + numberingPuts / POSTS_PER_NUMBERING_STEP;
  }

  /** The post's write units with its share of the numbering step's. */
  double unitsPerPost() {
    return writeUnits + numberingUnits / POSTS_PER_NUMBERING_STEP;
  }

  /** POST /api/posts and the GET /api/posted/{n} its 303 leads to. */
  static final int FUNCTION_REQUESTS_PER_POST = 2;

  /** The month's write-side bill if every one of {@code postsPerMonth} posts cost this much. */
  double monthlyUsd(long postsPerMonth) {
    double perPost =
        objectsPerPost() * S3_PUT
            + unitsPerPost() * WRITE_UNIT
            + (FUNCTION_REQUESTS_PER_POST + generatorInvocations) * LAMBDA_REQUEST
            + functionMillis / 1000.0 * FUNCTIONS_GB * LAMBDA_GB_SECOND
            + generatorMillis / 1000.0 * GENERATOR_GB * LAMBDA_GB_SECOND;
    long paths = invalidationPaths * postsPerMonth;
    return perPost * postsPerMonth
        + Math.max(0, paths - FREE_INVALIDATION_PATHS) * INVALIDATION_PATH;
  }
}
