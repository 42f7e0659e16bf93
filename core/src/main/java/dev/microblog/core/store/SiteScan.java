package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the whole site in one parallel Scan: every item once, in {@code segments} slices at once,
 * instead of a few queries per user. What a full rebuild wants; the key layout stays in here.
 */
public final class SiteScan {
  /** What the scan finds, item by item, in no order; called from several threads at once. */
  public interface Visitor {
    /** A profile; its post count is left 0 here, as the count is its posts' highest number. */
    void user(User user);

    void post(Post post);

    /** {@code follower} follows {@code followee} (each edge once). */
    void follow(String follower, String followee);

    /** One seal of the explore numbering ({@link ExploreStore}). */
    void seal(ExploreStore.Seal seal);

    /** How far the explore numbering has got, if it has started. */
    void progress(ExploreStore.Progress progress);
  }

  private static final int PAGE_ITEMS = 1000;

  /**
   * The items {@link #visit} reads. Half the table repeats what these say (the follower side of
   * each edge, explore's time index): filtered out by the table, they cost it a read but are not
   * sent, parsed and dropped here.
   */
  private static final String WANTED =
      "sk = :profile OR begins_with(sk, :post) OR begins_with(sk, :follows) OR pk = :explore";

  private static final Map<String, AttributeValue> WANTED_VALUES =
      Map.of(
          ":profile", s(PROFILE),
          ":post", s(POST),
          ":follows", s(FOLLOWS),
          ":explore", s(EXPLORE));

  private SiteScan() {}

  static void scan(Table table, int segments, Visitor visitor) {
    if (segments < 1) {
      throw new IllegalArgumentException("segments must be at least 1: " + segments);
    }
    List<Future<?>> running = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int segment = 0; segment < segments; segment++) {
        int s = segment;
        running.add(threads.submit(() -> scanSegment(table, s, segments, visitor)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning", e);
    }
  }

  private static void scanSegment(Table table, int segment, int segments, Visitor visitor) {
    table
        .client()
        .scanPaginator(
            b -> {
              // Small pages: each segment holds one parsed page at a time, so the reader's memory
              // stays flat however large the table is.
              b.tableName(table.name())
                  .consistentRead(true)
                  .limit(PAGE_ITEMS)
                  .filterExpression(WANTED)
                  .expressionAttributeValues(WANTED_VALUES);
              if (segments > 1) {
                b.segment(segment).totalSegments(segments);
              }
            })
        .items()
        .forEach(item -> visit(item, visitor));
  }

  private static void visit(Map<String, AttributeValue> item, Visitor visitor) {
    String pk = str(item, PK);
    String sk = str(item, SK);
    if (pk.startsWith(USER)) {
      if (sk.equals(PROFILE)) {
        visitor.user(UserStore.toUser(item, 0));
      } else if (sk.startsWith(POST)) {
        visitor.post(PostStore.toPost(item));
      } else if (sk.startsWith(FOLLOWS)) {
        visitor.follow(pk.substring(USER.length()), sk.substring(FOLLOWS.length()));
      }
      // FOLLOWER# items are the same edges seen from the other side.
    } else if (pk.equals(EXPLORE) && sk.startsWith(SEAL)) {
      visitor.seal(ExploreStore.toSeal(item));
    } else if (pk.equals(EXPLORE) && sk.equals(SEALED)) {
      visitor.progress(ExploreStore.toProgress(item));
    }
  }
}
