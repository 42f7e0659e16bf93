package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.core.domain.Pagination;
import dev.microblog.core.domain.User;
import dev.microblog.generator.planning.PageRef;
import dev.microblog.generator.publishing.InMemoryS3;
import dev.microblog.generator.publishing.S3Publisher;
import dev.microblog.generator.rendering.Page;
import dev.microblog.generator.rendering.Rendering;
import dev.microblog.generator.rendering.SiteRenderer;
import dev.microblog.generator.state.LiveSite;
import dev.microblog.generator.state.SiteSnapshot;
import dev.microblog.generator.state.SiteState;
import dev.microblog.site.Templates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Two batches render the same page at once, as Lambda does when it reads two shards: the older
 * render (it read the table first) is held until the newer one has published. The bucket must end
 * with the newer page, whatever the older writer does next. Against S3Proxy, which checks If-Match
 * and If-None-Match as S3 does.
 */
class RacingRendersTest {
  private static final Templates TEMPLATES = Templates.fromClasspath();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final PageRef ALICE = new PageRef.ProfileFront("alice");

  private static InMemoryS3 server;
  private static S3Client s3;

  private String bucket;
  private S3Publisher publisher;

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
    bucket = server.freshBucket("race");
    publisher = new S3Publisher(s3, bucket);
  }

  @Test
  void a_new_page_created_by_the_newer_render_is_not_replaced_by_the_older_one() throws Exception {
    SiteSnapshot before = site(1);
    SiteSnapshot after = site(2);

    int olderRenders = race(before, after);

    assertThat(stored()).isEqualTo(rendered(after));
    assertThat(olderRenders).isEqualTo(2);
  }

  @Test
  void a_page_updated_by_the_newer_render_is_not_replaced_by_the_older_one() throws Exception {
    writer(site(1)).write(ALICE, new Tally());
    SiteSnapshot before = site(2);
    SiteSnapshot after = site(3);

    int olderRenders = race(before, after);

    assertThat(stored()).isEqualTo(rendered(after));
    assertThat(olderRenders).isEqualTo(2);
  }

  @Test
  void a_page_the_newer_render_removed_is_not_brought_back_by_the_older_one() throws Exception {
    writer(site(1)).write(ALICE, new Tally());
    SiteSnapshot before = site(2);
    SiteSnapshot after = SiteSnapshot.builder().user("bob", T0).build(); // alice is gone

    int olderRenders = race(before, after);

    assertThat(stored()).isNull();
    assertThat(olderRenders).isEqualTo(2);
  }

  /**
   * The older writer reads alice from {@code before} and is held there; meanwhile the table moves
   * to {@code after} and the newer writer renders and publishes; then the older one goes on.
   *
   * @return how many times the older writer rendered: 2 when it lost the race and started over
   */
  private int race(SiteSnapshot before, SiteSnapshot after) throws Exception {
    LiveSite table = new LiveSite(before);
    HeldAfterFirstRead older = new HeldAfterFirstRead(table);
    CompletableFuture<Void> olderWrite =
        CompletableFuture.runAsync(() -> writer(older).write(ALICE, new Tally()));
    assertThat(older.read.await(10, TimeUnit.SECONDS)).isTrue();

    table.set(after);
    writer(table).write(ALICE, new Tally());
    older.resume.countDown();

    olderWrite.get(10, TimeUnit.SECONDS);
    return older.renders.get();
  }

  /** Alice with {@code posts} posts; each state renders a different profile. */
  private static SiteSnapshot site(int posts) {
    SiteSnapshot.Builder site = SiteSnapshot.builder().user("alice", T0);
    for (int i = 1; i <= posts; i++) {
      site.post("alice", "post " + i, T0.plusSeconds(i));
    }
    return site.build();
  }

  private SiteWriter writer(SiteState state) {
    return new SiteWriter(
        new SiteRenderer(state, TEMPLATES, Pagination.DEFAULT, "https://microblog.example"),
        publisher);
  }

  /** Alice's profile front in each language, by the key it is stored under. */
  private static Map<String, String> rendered(SiteState state) {
    Rendering rendering =
        new SiteRenderer(state, TEMPLATES, Pagination.DEFAULT, "https://microblog.example")
            .render(ALICE);
    Map<String, String> pages = new TreeMap<>();
    for (String tag : InEveryLocale.TAGS) {
      Page page =
          rendering.pages().stream()
              .filter(p -> p.path().equals("/" + tag + "/users/alice/"))
              .findFirst()
              .orElseThrow();
      pages.put(tag + "/users/alice/index.html", new String(page.body(), StandardCharsets.UTF_8));
    }
    return pages;
  }

  /** What the bucket holds for alice's profile front in each language; null if none. */
  private Map<String, String> stored() {
    Map<String, String> pages = new TreeMap<>();
    for (String key : InEveryLocale.keys("users/alice/index.html")) {
      try {
        pages.put(key, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
      } catch (NoSuchKeyException e) {
        // not there
      }
    }
    return pages.isEmpty() ? null : pages;
  }

  /**
   * The table as one writer sees it: its first render reads the table as it is when it starts, and
   * waits there until told to go on, so that render is older than whatever happens meanwhile. Later
   * renders read the table as it is then.
   */
  private static final class HeldAfterFirstRead extends LiveSite {
    final CountDownLatch read = new CountDownLatch(1);
    final CountDownLatch resume = new CountDownLatch(1);
    final AtomicInteger renders = new AtomicInteger();
    private final LiveSite table;
    private volatile SiteState pinned;

    HeldAfterFirstRead(LiveSite table) {
      super(table);
      this.table = table;
    }

    @Override
    public SiteState current() {
      SiteState first = pinned;
      return first != null ? first : table.current();
    }

    /** A profile's render starts by reading its user. */
    @Override
    public Optional<User> user(String username) {
      if (renders.incrementAndGet() > 1) {
        pinned = null;
        return table.user(username);
      }
      pinned = table.current();
      read.countDown();
      try {
        if (!resume.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the newer writer never published");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return pinned.user(username);
    }
  }
}
