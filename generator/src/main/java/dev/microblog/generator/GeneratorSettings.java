package dev.microblog.generator;

import dev.microblog.core.config.AwsConfig;
import java.util.Optional;
import java.util.function.Function;

/**
 * The generator's settings, read from its environment here and nowhere else ({@code template.yaml}
 * sets them on the Lambda function).
 *
 * @param aws where the table and the services are: {@code MICROBLOG_TABLE}, {@code AWS_REGION},
 *     {@code MICROBLOG_ENDPOINT_{DYNAMODB,S3,CLOUDFRONT}} for stand-ins
 * @param bucket {@value #BUCKET}: where the pages go; needed to publish to S3, not to a folder
 * @param distributionId {@value #DISTRIBUTION_ID}: the CDN to invalidate; absent, there is none
 * @param site {@value #SITE_URL}: where readers reach the site ({@code https://example.org}), for
 *     the absolute URLs of feeds and sitemaps; needed to publish to S3
 */
public record GeneratorSettings(
    AwsConfig aws,
    Optional<String> bucket,
    Optional<String> distributionId,
    Optional<String> site) {
  public static final String BUCKET = "MICROBLOG_BUCKET";
  public static final String DISTRIBUTION_ID = "MICROBLOG_DISTRIBUTION_ID";
  public static final String SITE_URL = "MICROBLOG_SITE_URL";

  /** Where the local stack serves the site by default (infra/bin/run). */
  public static final String LOCAL_SITE_URL = "http://localhost:8080";

  /** From system properties, then environment variables, of the same names. */
  public static GeneratorSettings fromEnvironment() {
    return from(name -> System.getProperty(name, System.getenv(name)));
  }

  /**
   * @param variables a lookup by variable name; null (or blank) for one that is not set
   */
  public static GeneratorSettings from(Function<String, String> variables) {
    AwsConfig aws = new AwsConfig(variables);
    return new GeneratorSettings(
        aws, aws.setting(BUCKET), aws.setting(DISTRIBUTION_ID), aws.setting(SITE_URL));
  }

  /** Where the site is served, or the local stack's address for a folder export. */
  public String siteUrl() {
    return site.orElse(LOCAL_SITE_URL);
  }

  /** Where the site is served, which a published site's feeds cannot do without. */
  public String requiredSiteUrl() {
    return site.orElseThrow(
        () ->
            new IllegalStateException(
                SITE_URL
                    + " is not set: feeds and sitemaps name the site's pages by absolute URL"
                    + " (template.yaml sets it)"));
  }

  /** The bucket, which publishing to S3 cannot do without. */
  public String requiredBucket() {
    return bucket.orElseThrow(
        () ->
            new IllegalStateException(
                BUCKET
                    + " is not set: the generator publishes the site to that S3 bucket"
                    + " (template.yaml sets it; a folder export needs none)"));
  }
}
