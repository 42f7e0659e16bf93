package dev.microblog.localstack;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.store.BulkItems;
import dev.microblog.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The site a benchmark measures, loaded straight into the table: {@code posts} posts spread over
 * the first {@code writers} readers, and authors (signed up through the site) each followed by the
 * first {@code followers(author)} readers. Readers are full users (profiles with counters): the
 * generator reads a follower's profile when it renders their home timeline. Readers are added as
 * the authors need them, so an author not measured costs no loading.
 */
final class BenchSite {
  /**
   * When the loaded posts begin: recent (one a second until a day ago), so that the generator's
   * numbering, which starts a week back on a table it has not numbered yet, takes them all in.
   */
  final Instant epoch;

  /** Two senders keep dynalite's one thread busy; more only queue behind it (measured). */
  private static final int SENDERS = 2;

  private final String table;
  private final int posts;
  private final int writers;
  private final Map<String, Integer> followersByAuthor;
  private int readers;

  BenchSite(String table, int posts, int writers, Map<String, Integer> followersByAuthor) {
    this.table = table;
    this.posts = posts;
    this.writers = writers;
    this.followersByAuthor = Map.copyOf(followersByAuthor);
    this.epoch =
        Instant.now().minus(Duration.ofDays(1)).minusSeconds(posts).truncatedTo(ChronoUnit.SECONDS);
  }

  static String reader(int i) {
    return String.format("reader%06d", i);
  }

  /** The writers and their posts, in turn, numbered on explore; returns the time it took. */
  Duration loadPosts(DynamoDbClient dynamo) throws Exception {
    long start = System.nanoTime();
    try (BulkWriter writer = new BulkWriter(dynamo, table, SENDERS)) {
      List<Map<String, AttributeValue>> items = new ArrayList<>(readers(writer, writers));
      long[] seqOf = new long[writers + 1];
      for (long n = 1; n <= posts; n++) {
        int w = (int) ((n - 1) % writers) + 1;
        Post post =
            new Post(
                reader(w),
                ++seqOf[w],
                "Loaded post " + n + " by " + reader(w),
                epoch.plusSeconds(n));
        items.add(BulkItems.post(post));
      }
      writer.putAll(items);
    }
    // Numbered as the generator would have numbered them a minute after the last one.
    // (a step takes at most 99,000 posts: as many steps as it needs).
    var explore = Store.over(dynamo, table).explore();
    while (!explore.sealUpTo(epoch.plusSeconds(posts + 1L)).isEmpty()) {
      // the next step goes on where this one stopped
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** The readers {@code author} needs and their edges to them; returns the time it took. */
  Duration loadFollowers(DynamoDbClient dynamo, String author) throws Exception {
    long start = System.nanoTime();
    int followers = followersByAuthor.get(author);
    try (BulkWriter writer = new BulkWriter(dynamo, table, SENDERS)) {
      List<Map<String, AttributeValue>> items = new ArrayList<>(readers(writer, followers));
      for (int i = 1; i <= followers; i++) {
        items.addAll(BulkItems.follow(reader(i), author, epoch));
      }
      writer.putAll(items);
      writer.update(
          BulkItems.profileKey(author),
          "SET followers = :n",
          Map.of(":n", AttributeValue.fromN(Integer.toString(followers))));
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Profiles of readers not loaded yet, up to {@code upTo}, with the counters they will have once
   * every author is loaded.
   */
  private List<Map<String, AttributeValue>> readers(BulkWriter writer, int upTo) {
    List<Map<String, AttributeValue>> profiles = new ArrayList<>();
    for (int i = readers + 1; i <= upTo; i++) {
      int index = i;
      long following = followersByAuthor.values().stream().filter(k -> index <= k).count();
      NewUser user = new NewUser(reader(i), reader(i) + "@bench.invalid", "not-a-hash", epoch);
      profiles.add(BulkItems.profile(user, 0, following));
    }
    readers = Math.max(readers, upTo);
    return profiles;
  }
}
