package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.publishing.Publisher;
import dev.microblog.generator.rendering.Page;
import dev.microblog.generator.state.LiveSite;
import dev.microblog.generator.state.SiteSnapshot;
import dev.microblog.generator.state.SiteState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda handler fed with a DynamoDB stream batch as Lambda delivers it (JSON): two users sign
 * up, bob follows alice, both post. The site state is what the table holds after that batch.
 */
class StreamHandlerTest {
  private static final Instant ALICE_JOINED = Instant.parse("2026-11-25T10:00:00Z");
  private static final Instant BOB_JOINED = Instant.parse("2026-11-25T10:01:00Z");

  @TempDir Path first;
  @TempDir Path second;

  /** The table after every record of events/two-users.json. */
  static SiteSnapshot tableAfterBatch() {
    var site = SiteSnapshot.builder().user("alice", ALICE_JOINED).user("bob", BOB_JOINED);
    site.post(
        "alice", "Hello <script>alert('x')</script> world", Instant.parse("2026-11-25T10:02:00Z"));
    site.follow("bob", "alice");
    site.post("alice", "Second post", Instant.parse("2026-11-25T10:06:00Z"));
    site.post("bob", "Hi, I am bob", Instant.parse("2026-11-25T10:07:00Z"));
    return site.build();
  }

  private static final PojoSerializer<DynamodbEvent> LAMBDA_JSON =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, StreamHandlerTest.class.getClassLoader());

  /** A batch as Lambda's own runtime reads it from the JSON it is given. */
  static DynamodbEvent event(String resource) {
    try (InputStream json = StreamHandlerTest.class.getResourceAsStream(resource)) {
      return LAMBDA_JSON.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DynamodbEvent reversed(DynamodbEvent event) {
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(event.getRecords());
    Collections.reverse(records);
    DynamodbEvent copy = new DynamodbEvent();
    copy.setRecords(records);
    return copy;
  }

  static Generator generator(SiteState state, Path folder, Invalidator invalidator) {
    return Generator.create(state, new DirectoryPublisher(folder), invalidator);
  }

  @Test
  void the_batch_publishes_the_pages_its_changes_affect() {
    StreamHandler handler = generator(tableAfterBatch(), first, Invalidator.NONE).handler();

    BatchReport report = handler.process(event("/events/two-users.json"));

    assertThat(report.records()).isEqualTo(12);
    assertThat(report.failed()).isFalse();
    List<String> expected = new ArrayList<>();
    expected.addAll(
        List.of(
            InEveryLocale.keys(
                "index.html",
                "feed.xml",
                "users/alice/index.html",
                "users/alice/feed.xml",
                "users/alice/page/1/index.html",
                "users/alice/home/index.html",
                "users/alice/posts/1/index.html",
                "users/alice/posts/2/index.html",
                "users/bob/index.html",
                "users/bob/feed.xml",
                "users/bob/page/1/index.html",
                "users/bob/home/index.html",
                "users/bob/posts/1/index.html")));
    // who follows whom is data for the page script, the same in every language
    expected.add("data/users/alice/following.json");
    expected.add("data/users/bob/following.json");
    assertThat(files(first).keySet()).containsExactlyInAnyOrderElementsOf(expected);
    // No explore page and no sitemap yet: the posts are numbered once their minute is past (a
    // later seal). Ten pages and three feeds in three languages, and two data files.
    assertThat(report.written()).isEqualTo(41);
  }

  @Test
  void the_same_batch_again_writes_nothing() {
    StreamHandler handler = generator(tableAfterBatch(), first, Invalidator.NONE).handler();
    handler.process(event("/events/two-users.json"));
    Map<String, String> before = files(first);

    BatchReport again = handler.process(event("/events/two-users.json"));

    assertThat(again.written()).isZero();
    assertThat(again.deleted()).isZero();
    assertThat(again.unchanged()).isEqualTo(41);
    assertThat(again.invalidated()).isZero();
    assertThat(files(first)).isEqualTo(before);
  }

  /**
   * The batch split where the table stood between its halves (both users signed up, alice's first
   * post) and delivered in order, each half seeing the table as it was then, or the late half last
   * (both seeing the final table): the site must end as a full rebuild of the final table has it,
   * page for page. Comparing two runs with each other would pass a planner that misses a page in
   * both; the rebuild is the oracle.
   */
  @Test
  void a_split_batch_in_either_order_leaves_every_page_as_a_full_rebuild_has_it(
      @TempDir Path rebuilt) {
    DynamodbEvent batch = event("/events/two-users.json");
    DynamodbEvent early = slice(batch, 0, 6);
    DynamodbEvent late = slice(batch, 6, 12);
    var site = SiteSnapshot.builder().user("alice", ALICE_JOINED).user("bob", BOB_JOINED);
    site.post(
        "alice", "Hello <script>alert('x')</script> world", Instant.parse("2026-11-25T10:02:00Z"));
    LiveSite table = new LiveSite(site.build());
    StreamHandler inOrder = generator(table, first, Invalidator.NONE).handler();
    inOrder.process(early);
    table.set(tableAfterBatch());
    inOrder.process(late);

    StreamHandler lateFirst = generator(tableAfterBatch(), second, Invalidator.NONE).handler();
    lateFirst.process(late);
    lateFirst.process(early);

    generator(tableAfterBatch(), rebuilt, Invalidator.NONE).builder().rebuildAll();
    Map<String, String> rebuild = files(rebuilt);
    for (Path folder : List.of(first, second)) {
      Map<String, String> published = files(folder);
      assertThat(published).hasSize(41);
      assertThat(rebuild).containsAllEntriesOf(published);
    }
  }

  static DynamodbEvent slice(DynamodbEvent event, int from, int to) {
    DynamodbEvent copy = new DynamodbEvent();
    copy.setRecords(new ArrayList<>(event.getRecords().subList(from, to)));
    return copy;
  }

  @Test
  void a_successful_batch_reports_no_failures_to_lambda() {
    StreamsEventResponse response =
        generator(tableAfterBatch(), first, Invalidator.NONE)
            .handler()
            .handleRequest(event("/events/two-users.json"), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
  }

  @Test
  void a_failure_names_the_first_record_not_done_so_lambda_retries_from_there() {
    // bob's profile front is first needed when bob signs up: the 4th record, sequence ...500.
    DirectoryPublisher folder = new DirectoryPublisher(first);
    Publisher failing =
        new Publisher() {
          @Override
          public Seen read(String key) {
            return folder.read(key);
          }

          @Override
          public Outcome publish(Page page, Seen seen) {
            if (page.path().equals("/es/users/bob/")) {
              throw new IllegalStateException("S3 is down");
            }
            return folder.publish(page, seen);
          }

          @Override
          public boolean delete(Seen seen) {
            return folder.delete(seen);
          }

          @Override
          public List<String> keys(String prefix) {
            return folder.keys(prefix);
          }
        };
    StreamHandler handler =
        Generator.create(tableAfterBatch(), failing, Invalidator.NONE).handler();

    DynamodbEvent batch = event("/events/two-users.json");
    StreamsEventResponse response = handler.handleRequest(batch, null);

    // bob's sign-up is the first record that puts bob's profile front (in Spanish too) in the plan
    String bobSignsUp =
        batch.getRecords().stream()
            .filter(r -> r.getEventName().equals("INSERT"))
            .filter(r -> r.getDynamodb().getKeys().get("pk").getS().equals("USER#bob"))
            .findFirst()
            .orElseThrow()
            .getDynamodb()
            .getSequenceNumber();
    assertThat(response.getBatchItemFailures())
        .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly(bobSignsUp);
    for (String done : InEveryLocale.keys("users/alice/index.html")) {
      assertThat(first.resolve(done)).exists(); // record 1 was done
    }
  }

  @Test
  void a_batch_of_records_no_page_shows_plans_nothing() {
    DynamodbEvent event = event("/events/two-users.json");
    // e-mail claims, site counters, the session, the reverse follow edge, profile counters
    event.setRecords(
        event.getRecords().stream()
            .filter(
                r -> {
                  String pk = r.getDynamodb().getKeys().get("pk").getS();
                  String sk = r.getDynamodb().getKeys().get("sk").getS();
                  return pk.startsWith("EMAIL#")
                      || pk.startsWith("SESSION#")
                      || sk.startsWith("FOLLOWER#")
                      || (sk.equals("PROFILE") && r.getEventName().equals("MODIFY"));
                })
            .toList());

    BatchReport report =
        generator(tableAfterBatch(), first, Invalidator.NONE).handler().process(event);

    assertThat(report.records()).isEqualTo(6);
    assertThat(report.changes()).isZero();
    assertThat(report.planned()).isZero();
    assertThat(files(first)).isEmpty();
  }

  @Test
  void listeners_hear_what_each_batch_wrote() {
    List<BatchReport> heard = new ArrayList<>();
    Generator generator = generator(tableAfterBatch(), first, Invalidator.NONE);
    generator.onBatch(heard::add);

    BatchReport report = generator.handler().process(event("/events/two-users.json"));

    assertThat(heard).containsExactly(report);
  }

  /** Every file under the folder, by key, with its text. */
  static Map<String, String> files(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      Map<String, String> files = new TreeMap<>();
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        // The favicon is the one binary file: compared by its bytes, as Base64.
        files.put(
            name,
            name.endsWith(".ico")
                ? java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file))
                : Files.readString(file));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
