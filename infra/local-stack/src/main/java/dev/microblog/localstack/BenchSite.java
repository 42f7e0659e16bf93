package dev.microblog.localstack;

import dev.microblog.core.domain.Post;
import java.time.Duration;
import java.time.Instant;
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
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

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
  }

  static String reader(int i) {
    return String.format("reader%06d", i);
  }

  /** The writers and their posts, numbered on the site in turn; returns the time it took. */
  Duration loadPosts(DynamoDbClient dynamo) throws Exception {
    long start = System.nanoTime();
    try (BulkWriter writer = new BulkWriter(dynamo, table, SENDERS)) {
      List<Map<String, AttributeValue>> items = new ArrayList<>(readers(writer, writers));
      long[] seqOf = new long[writers + 1];
      for (long siteSeq = 1; siteSeq <= posts; siteSeq++) {
        int w = (int) ((siteSeq - 1) % writers) + 1;
        Post post =
            new Post(
                reader(w),
                ++seqOf[w],
                siteSeq,
                "Loaded post " + siteSeq + " by " + reader(w),
                EPOCH.plusSeconds(siteSeq));
        items.add(TableItems.post(post));
      }
      writer.putAll(items);
      writer.update(
          TableItems.key(TableItems.SITE, TableItems.COUNTERS),
          "SET postCount = :posts",
          Map.of(":posts", AttributeValue.fromN(Integer.toString(posts))));
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
        items.addAll(TableItems.follow(reader(i), author, EPOCH));
      }
      writer.putAll(items);
      writer.update(
          TableItems.key(TableItems.userPk(author), "PROFILE"),
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
    int added = 0;
    for (int i = readers + 1; i <= upTo; i++) {
      int index = i;
      long following = followersByAuthor.values().stream().filter(k -> index <= k).count();
      profiles.add(TableItems.profile(reader(i), EPOCH, postsOf(i), 0, following));
      added++;
    }
    readers = Math.max(readers, upTo);
    if (added > 0) {
      writer.update(
          TableItems.key(TableItems.SITE, TableItems.COUNTERS),
          "ADD userCount :n",
          Map.of(":n", AttributeValue.fromN(Integer.toString(added))));
    }
    return profiles;
  }

  private long postsOf(int reader) {
    if (reader > writers) {
      return 0;
    }
    return posts / writers + (reader <= posts % writers ? 1 : 0);
  }
}
