package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.NewUser;
import dev.microblog.core.store.Store;
import dev.microblog.gateway.LocalDynamo;
import dev.microblog.generator.publishing.InMemoryS3;
import dev.microblog.generator.publishing.RecordingInvalidator;
import dev.microblog.generator.publishing.S3Publisher;
import dev.microblog.generator.rendering.CachePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The rebuild function as Lambda calls it, in this JVM, against a real table (dynalite behind our
 * gateway) and a real S3 API (S3Proxy): the settings are the ones template.yaml gives it.
 */
class RebuildHandlerTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static LocalDynamo dynamo;
  private static DynamoDbClient client;
  private static InMemoryS3 s3;

  @BeforeAll
  static void start() throws Exception {
    dynamo = LocalDynamo.startInMemory();
    client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
    s3 = InMemoryS3.start();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    dynamo.close();
    s3.close();
  }

  /** A table of its own with two users, one post and a follow, written as the functions do. */
  private static Store site(String table) {
    Store store = Store.over(client, table);
    store.table().createIfMissing();
    store.users().create(new NewUser("alice", "alice@example.org", "hash", T0));
    store.users().create(new NewUser("bob", "bob@example.org", "hash", T0.plusSeconds(1)));
    store.posts().create("alice", "Hello", T0.plusSeconds(2));
    store.follows().follow("bob", "alice", T0.plusSeconds(3));
    return store;
  }

  private static int objects(String bucket) {
    return s3.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .mapToInt(o -> 1)
        .sum();
  }

  @Test
  void from_its_settings_it_fills_an_empty_bucket_and_a_rerun_writes_nothing() {
    site("rebuild-env");
    String bucket = s3.freshBucket("rebuild");
    GeneratorSettings lambdaEnvironment =
        GeneratorSettings.from(
            Map.of(
                    "MICROBLOG_TABLE",
                    "rebuild-env",
                    "MICROBLOG_BUCKET",
                    bucket,
                    "MICROBLOG_ENDPOINT_DYNAMODB",
                    dynamo.endpoint().toString(),
                    "MICROBLOG_ENDPOINT_S3",
                    s3.endpoint().toString(),
                    "MICROBLOG_SITE_URL",
                    "https://microblog.example")
                ::get);
    RebuildHandler handler = new RebuildHandler(Generator.fromSettings(lambdaEnvironment));

    Map<String, Object> first = handler.handleRequest(Map.of(), null);
    int published = objects(bucket);
    Map<String, Object> second = handler.handleRequest(Map.of(), null);

    assertThat(published).isGreaterThan(10); // pages, the site's own pages and the assets
    assertThat(first)
        .containsEntry("written", published)
        .containsEntry("unchanged", 0)
        .containsEntry("invalidated", 0);
    assertThat((int) first.get("pages")).isPositive();
    assertThat(second)
        .containsEntry("pages", first.get("pages"))
        .containsEntry("written", 0)
        .containsEntry("unchanged", published)
        .containsEntry("deleted", 0)
        .containsEntry("invalidated", 0);
    assertThat(first.keySet())
        .containsExactly("pages", "written", "unchanged", "deleted", "invalidated", "millis");
    // the feeds and sitemaps name the site by the URL its settings give
    assertThat(s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("robots.txt")).asUtf8String())
        .contains("Sitemap: https://microblog.example/sitemap.xml\n");
  }

  @Test
  void after_a_post_it_writes_only_the_pages_that_changed() {
    Store store = site("rebuild-post");
    String bucket = s3.freshBucket("rebuild");
    RecordingInvalidator cdn = new RecordingInvalidator();
    RebuildHandler handler =
        new RebuildHandler(Generator.create(store, new S3Publisher(s3.client(), bucket), cdn));
    handler.handleRequest(Map.of(), null);
    store.posts().create("alice", "Second", T0.plusSeconds(60));

    Map<String, Object> after = handler.handleRequest(Map.of(), null);

    // The new permalink, the fronts and timelines that show it (/, alice's profile, her first
    // page, both home timelines) and the feeds (explore's, alice's); explore's numbered pages and
    // the sitemaps wait for the numbering. Each in three languages; those live a second at the
    // edge: nothing to invalidate.
    assertThat(after)
        .containsEntry("written", (6 + 2) * 3)
        .containsEntry("deleted", 0)
        .containsEntry("invalidated", 0);
    assertThat(cdn.batches()).isEmpty();
  }

  @Test
  void a_page_an_older_template_rendered_is_rewritten_and_invalidated() {
    Store store = site("rebuild-template");
    String bucket = s3.freshBucket("rebuild");
    RecordingInvalidator cdn = new RecordingInvalidator();
    RebuildHandler handler =
        new RebuildHandler(Generator.create(store, new S3Publisher(s3.client(), bucket), cdn));
    handler.handleRequest(Map.of(), null);
    // A permalink (the Spanish one) as a former template wrote it: kept for a year at the edge.
    s3.client()
        .putObject(
            b ->
                b.bucket(bucket)
                    .key("es/users/alice/posts/1/index.html")
                    .contentType("text/html; charset=utf-8")
                    .cacheControl(CachePolicy.ARCHIVE.header()),
            RequestBody.fromString("<p>the old template</p>"));

    Map<String, Object> after = handler.handleRequest(Map.of(), null);

    assertThat(after).containsEntry("written", 1).containsEntry("invalidated", 1);
    assertThat(cdn.batches()).containsExactly(List.of("/es/users/alice/posts/1/"));
    assertThat(
            s3.client()
                .getObjectAsBytes(b -> b.bucket(bucket).key("es/users/alice/posts/1/index.html"))
                .asUtf8String())
        .contains("Hello");
  }
}
