package dev.microblog.generator.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.generator.BatchReport;
import dev.microblog.generator.ChangeRecord;
import dev.microblog.generator.Generator;
import dev.microblog.generator.publishing.Publisher.Outcome;
import dev.microblog.generator.rendering.CachePolicy;
import dev.microblog.generator.rendering.Page;
import dev.microblog.generator.state.LiveSite;
import dev.microblog.generator.state.SiteSnapshot;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Against S3Proxy: a real S3 API server, in memory, in this JVM. */
class S3PublisherTest extends PublisherContract {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static InMemoryS3 server;
  private static S3Client s3;

  private String bucket;

  @BeforeAll
  static void startS3() throws Exception {
    server = InMemoryS3.start();
    s3 = server.client();
  }

  @AfterAll
  static void stopS3() throws Exception {
    server.close();
  }

  @BeforeEach
  void freshBucket() {
    bucket = server.freshBucket("site");
  }

  @Override
  Publisher publisher() {
    return new S3Publisher(s3, bucket);
  }

  @Override
  byte[] stored(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  @Test
  void objects_carry_their_content_type_cache_policy_and_digest() {
    Page page = page("/users/alice/", "<p>hi</p>", CachePolicy.CHANGING);
    publisher().publish(page);

    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("users/alice/index.html"));

    assertThat(head.contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
    assertThat(head.cacheControl())
        .isEqualTo("public, max-age=0, s-maxage=1, stale-while-revalidate=10");
    assertThat(head.metadata()).containsEntry(S3Publisher.SHA256, page.sha256());
  }

  @Test
  void the_same_bytes_with_a_new_cache_policy_are_written_again() {
    publisher().publish(page("/page/1/", "<p>full</p>", CachePolicy.CHANGING));

    Outcome outcome = publisher().publish(page("/page/1/", "<p>full</p>", CachePolicy.ARCHIVE));

    assertThat(outcome).isEqualTo(Outcome.UPDATED);
    assertThat(s3.headObject(b -> b.bucket(bucket).key("page/1/index.html")).cacheControl())
        .isEqualTo("public, max-age=3600, s-maxage=31536000");
  }

  @Test
  void assets_and_json_get_their_own_types() {
    publisher()
        .publish(new Page("/assets/site.js", "x".getBytes(), "text/javascript", CachePolicy.ASSET));
    publisher()
        .publish(
            new Page("/users/a/following.json", "[]".getBytes(), Page.JSON, CachePolicy.CHANGING));

    var js = s3.headObject(b -> b.bucket(bucket).key("assets/site.js"));
    var json = s3.headObject(b -> b.bucket(bucket).key("users/a/following.json"));
    assertThat(js.contentType()).isEqualTo("text/javascript");
    assertThat(js.cacheControl()).isEqualTo("public, max-age=3600");
    assertThat(json.contentType()).isEqualTo("application/json");
  }

  /**
   * When the answer to a PUT is lost, the SDK sends it again; if the first attempt landed, the
   * second fails its own condition. The object holding exactly the page is then a success.
   */
  @Test
  void a_write_whose_first_attempt_landed_is_a_success_and_another_writers_is_a_lost_race() {
    Page page = page("/users/alice/", "<p>hi</p>", CachePolicy.CHANGING);
    Publisher.Seen before = publisher().read(page.key());
    publisher().publish(page); // what the lost first attempt did

    assertThat(publisher().publish(page, before)).isEqualTo(Outcome.CREATED);

    publisher().publish(page("/users/alice/", "<p>newer</p>", CachePolicy.CHANGING));
    assertThatThrownBy(() -> publisher().publish(page, before))
        .isInstanceOf(Publisher.LostRace.class);
  }

  @Test
  void a_delete_of_what_is_already_gone_still_counts_so_the_cdn_forgets_it() {
    Page page = page("/users/alice/", "<p>hi</p>", CachePolicy.CHANGING);
    publisher().publish(page);
    Publisher.Seen read = publisher().read(page.key());
    publisher().delete(page.key()); // another writer, or the lost first attempt

    assertThat(publisher().delete(read)).isTrue();
    assertThat(publisher().read(page.key()).exists()).isFalse();
  }

  @Test
  void a_post_owes_the_cdn_no_invalidation() {
    SiteSnapshot.Builder site = SiteSnapshot.builder().user("alice", T0).user("bob", T0);
    site.follow("bob", "alice");
    for (int i = 1; i <= 20; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    LiveSite live = new LiveSite(site.build());
    RecordingInvalidator cdn = new RecordingInvalidator();
    Generator generator = Generator.create(live, publisher(), cdn);
    generator.builder().rebuildAll();
    cdn.clear();
    // The 21st post starts page 2: page 1 gains its "newer" link and becomes an archive page.
    site.post("alice", "post 21", T0.plusSeconds(21));
    live.set(site.build());
    var key = java.util.Map.of("pk", "USER#alice", "sk", "POST#0000000021");

    BatchReport report =
        generator
            .processor()
            .process(
                java.util.List.of(new ChangeRecord("1", "INSERT", key, key, java.util.Map.of())));

    assertThat(report.written()).isPositive();
    assertThat(cdn.paths()).isEmpty();
  }

  @Test
  void rewriting_a_page_the_edge_may_keep_for_long_owes_its_invalidation() {
    SiteSnapshot.Builder site = SiteSnapshot.builder().user("alice", T0);
    site.post("alice", "post 1", T0);
    RecordingInvalidator cdn = new RecordingInvalidator();
    Generator generator = Generator.create(site.build(), publisher(), cdn);
    generator.builder().rebuildAll();
    cdn.clear();
    // As an older template left them: a permalink (kept a year) and the front (kept a second).
    // Only the Spanish copies: the others are as the build left them.
    publisher().publish(page("/es/users/alice/posts/1/", "old markup", CachePolicy.ARCHIVE));
    publisher().publish(page("/es/", "old markup", CachePolicy.CHANGING));

    generator.builder().rebuildAll();

    assertThat(cdn.paths()).containsExactly("/es/users/alice/posts/1/");
  }
}
