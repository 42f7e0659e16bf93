package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes a whole site into an empty table in batches: what {@code users().create}, {@code
 * posts().create} and {@code follows().follow} would leave after the same calls in the same order,
 * in a fraction of the requests. For seeding benchmarks and demo tables, never next to live
 * writers: it checks no conditions and owns the counters until {@link #close()}, which writes the
 * profiles with their follow counts, and numbers every imported post on explore as the generator's
 * sealing would have ({@link ExploreStore}), last.
 */
public final class SiteImport implements AutoCloseable {
  /** DynamoDB takes at most 25 writes per batch. */
  private static final int BATCH = 25;

  private static final int IN_FLIGHT = 4;

  private final Table table;
  private final Map<String, Counts> users = new LinkedHashMap<>();
  private final List<WriteRequest> pending = new ArrayList<>(BATCH);
  private final ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
  private final Semaphore slots = new Semaphore(IN_FLIGHT * 2);
  private final List<Future<?>> sent = new ArrayList<>();
  private final List<Post> imported = new ArrayList<>();

  SiteImport(Table table) {
    this.table = table;
  }

  private static final class Counts {
    final NewUser user;
    long posts;
    long followers;
    long following;

    Counts(NewUser user) {
      this.user = user;
    }
  }

  public void user(NewUser user) {
    if (users.putIfAbsent(user.username(), new Counts(user)) != null) {
      throw new Conflict(java.util.EnumSet.of(Conflict.Field.USERNAME));
    }
    add(UserStore.emailItem(user));
  }

  /** The author's next post, numbered as {@code posts().create} would number it. */
  public Post post(String author, String body, Instant createdAt) {
    Counts counts = existing(author);
    Post post = new Post(author, ++counts.posts, body, createdAt);
    add(PostStore.postItem(post));
    imported.add(new Post(author, post.seq(), "", post.createdAt()));
    return post;
  }

  public void follow(String follower, String followee, Instant since) {
    if (follower.equals(followee)) {
      throw new IllegalArgumentException("a user cannot follow themselves");
    }
    existing(follower).following++;
    existing(followee).followers++;
    FollowStore.edgeItems(follower, followee, since).forEach(this::add);
  }

  /** Writes the profiles and counters, then waits for every batch. */
  @Override
  public void close() {
    try {
      for (Counts c : users.values()) {
        add(UserStore.profileItem(c.user, c.followers, c.following));
      }
      seal();
      flush();
      for (Future<?> f : sent) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      senders.shutdown();
    }
  }

  /**
   * Numbers the imported posts in the site's order, up to now (or just after the newest, if later):
   * the generator's sealing goes on from there without walking back through the import's past.
   */
  private void seal() {
    if (imported.isEmpty()) {
      return;
    }
    List<Post> oldestFirst = new ArrayList<>(imported);
    List<ExploreStore.Seal> seals = new ArrayList<>();
    oldestFirst.sort(Post.NEWEST_FIRST.reversed());
    for (int from = 0; from < oldestFirst.size(); from += ExploreStore.SEAL_POSTS) {
      List<PostId> ids =
          oldestFirst
              .subList(from, Math.min(oldestFirst.size(), from + ExploreStore.SEAL_POSTS))
              .stream()
              .map(Post::id)
              .toList();
      seals.add(new ExploreStore.Seal(from + 1L, ids));
    }
    Instant newest = oldestFirst.getLast().createdAt().plusMillis(1);
    Instant now = Instant.now();
    Instant until = newest.isAfter(now) ? newest : now;
    seals.forEach(seal -> add(ExploreStore.sealItem(seal, until)));
    add(ExploreStore.progressItem(new ExploreStore.Progress(until, oldestFirst.size() + 1L)));
  }

  private Counts existing(String username) {
    Counts counts = users.get(username);
    if (counts == null) {
      throw new NoSuchUser(username);
    }
    return counts;
  }

  private void add(Map<String, AttributeValue> item) {
    pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    if (pending.size() == BATCH) {
      flush();
    }
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<WriteRequest> batch = List.copyOf(pending);
    pending.clear();
    slots.acquireUninterruptibly();
    sent.add(
        senders.submit(
            () -> {
              try {
                send(batch);
              } finally {
                slots.release();
              }
            }));
  }

  /** Sends a batch, and again whatever DynamoDB left unprocessed. */
  private void send(List<WriteRequest> batch) {
    List<WriteRequest> left = batch;
    for (int attempt = 1; !left.isEmpty(); attempt++) {
      List<WriteRequest> now = left;
      left =
          table
              .client()
              .batchWriteItem(b -> b.requestItems(Map.of(table.name(), now)))
              .unprocessedItems()
              .getOrDefault(table.name(), List.of());
      if (!left.isEmpty()) {
        Transactions.backOff(Math.min(attempt, Transactions.MAX_ATTEMPTS));
      }
    }
  }
}
