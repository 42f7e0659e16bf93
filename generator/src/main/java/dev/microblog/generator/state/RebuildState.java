package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import dev.microblog.core.domain.User;
import dev.microblog.core.store.ExploreStore;
import dev.microblog.core.store.SiteScan;
import dev.microblog.core.store.Store;
import dev.microblog.generator.rendering.SiteRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The site as a full rebuild reads it, in memory that grows with the users but not with their
 * posts. One segmented Scan keeps what is small per user (profile, follow edges, post count, and
 * when their newest {@link SiteRenderer#TIMELINE_POSTS} posts were written, without their bodies)
 * and the site's newest posts for the explore front; every other post is read again when a page
 * asks for it, through a few {@link PostChunks} of consecutive posts, so that the pages of one
 * user, planned together, read that user's posts once. Answers exactly as {@link SiteSnapshot#scan}
 * does. Safe to share between threads.
 */
public final class RebuildState implements SiteState {
  /** Posts one chunk holds: a few profile pages' worth, read with one Query. */
  static final int CHUNK_POSTS = 200;

  /** The newest posts kept whole, for the explore front; more than it shows. */
  private static final int NEWEST_KEPT = 2 * SiteRenderer.TIMELINE_POSTS;

  private static final Comparator<Post> OLDEST_FIRST = Post.NEWEST_FIRST.reversed();

  private final Store store;
  private final NavigableMap<String, User> users;
  private final Map<String, Recent> recent;
  private final Map<String, List<String>> following;
  private final Map<String, List<String>> followers;
  private final long numberedCount;
  private final Instant numberedUntil;
  private final List<Post> unnumbered;
  private final PostChunks chunks;

  private RebuildState(
      Store store,
      NavigableMap<String, User> users,
      Map<String, Recent> recent,
      Map<String, List<String>> following,
      Map<String, List<String>> followers,
      ExploreStore.Progress progress,
      List<Post> unnumbered,
      int cachedChunks) {
    this.store = store;
    this.users = users;
    this.recent = recent;
    this.following = following;
    this.followers = followers;
    this.numberedCount = progress == null ? 0 : progress.numbered();
    this.numberedUntil = progress == null ? Instant.EPOCH : progress.until();
    this.unnumbered = unnumbered;
    this.chunks =
        new PostChunks(
            cachedChunks,
            (author, from, to) -> store.posts().byAuthor(author, from, to),
            CHUNK_POSTS);
  }

  /**
   * Reads the table in one Scan of {@code segments} slices; pages read posts through a cache of
   * {@code 4 × segments} chunks (a rebuild renders {@code segments} pages at once).
   */
  public static RebuildState scan(Store store, int segments) {
    Map<String, User> profiles = new ConcurrentHashMap<>();
    Map<String, Recent> recent = new ConcurrentHashMap<>();
    Map<String, Queue<String>> follows = new ConcurrentHashMap<>();
    Map<String, String> names = new ConcurrentHashMap<>();
    AtomicReference<ExploreStore.Progress> progress = new AtomicReference<>();
    PriorityQueue<Post> newest = new PriorityQueue<>(OLDEST_FIRST);
    store.scanSite(
        segments,
        new SiteScan.Visitor() {
          @Override
          public void user(User user) {
            profiles.put(user.username(), user);
          }

          @Override
          public void post(Post post) {
            recent.computeIfAbsent(post.author(), a -> new Recent()).add(post);
            synchronized (newest) {
              newest.add(post);
              if (newest.size() > NEWEST_KEPT) {
                newest.poll(); // the oldest of them, and its body with it
              }
            }
          }

          @Override
          public void follow(String follower, String followee) {
            follows
                .computeIfAbsent(follower, f -> new ConcurrentLinkedQueue<>())
                .add(names.computeIfAbsent(followee, n -> n));
          }

          @Override
          public void seal(ExploreStore.Seal seal) {
            // Numbered pages are read by id when they are rendered: the seals are one id a post.
          }

          @Override
          public void progress(ExploreStore.Progress p) {
            progress.set(p);
          }
        });
    // As SiteSnapshot.scan does: only users with a profile count, and only posts of such users.
    NavigableMap<String, User> users = new TreeMap<>();
    Map<String, List<String>> out = new HashMap<>();
    Map<String, TreeSet<String>> in = new HashMap<>();
    recent.keySet().retainAll(profiles.keySet());
    recent.values().forEach(Recent::freeze);
    profiles.forEach(
        (name, u) -> {
          Recent own = recent.get(name);
          long count = own == null ? 0 : own.highestSeq();
          users.put(
              name, new User(name, u.joinedAt(), u.about(), count, u.followers(), u.following()));
          List<String> followees =
              List.copyOf(new TreeSet<>(follows.getOrDefault(name, new ConcurrentLinkedQueue<>())));
          out.put(name, followees);
          followees.forEach(f -> in.computeIfAbsent(f, x -> new TreeSet<>()).add(name));
        });
    Map<String, List<String>> back = new HashMap<>();
    in.forEach((followee, who) -> back.put(followee, List.copyOf(who)));
    ExploreStore.Progress p = progress.get();
    Instant until = p == null ? Instant.EPOCH : p.until();
    List<Post> later =
        newest.stream()
            .filter(post -> profiles.containsKey(post.author()))
            .filter(post -> !post.createdAt().isBefore(until))
            .sorted(Post.NEWEST_FIRST)
            .toList();
    return new RebuildState(
        store, users, Map.copyOf(recent), out, back, p, later, Math.max(8, 4 * segments));
  }

  @Override
  public Optional<User> user(String username) {
    return Optional.ofNullable(users.get(username));
  }

  @Override
  public List<String> usernames() {
    return List.copyOf(users.keySet());
  }

  @Override
  public List<String> following(String username) {
    return following.getOrDefault(username, List.of());
  }

  @Override
  public List<String> followers(String username) {
    return followers.getOrDefault(username, List.of());
  }

  @Override
  public Optional<Post> post(String author, long seq) {
    if (seq < 1 || seq > postCount(author)) {
      return Optional.empty();
    }
    return Optional.ofNullable(chunks.post(author, seq));
  }

  @Override
  public List<Post> postsBy(String author, long from, long to) {
    long last = Math.min(to, postCount(author));
    long first = Math.max(from, 1);
    return first > last ? List.of() : chunks.range(author, first, last);
  }

  @Override
  public long numberedCount() {
    return numberedCount;
  }

  @Override
  public Instant numberedUntil() {
    return numberedUntil;
  }

  @Override
  public List<Post> explore(long from, long to) {
    long last = Math.min(to, numberedCount);
    return from > last ? List.of() : store.explore().numbered(from, last);
  }

  @Override
  public List<Post> newestUnnumbered(int limit) {
    if (limit > NEWEST_KEPT) {
      throw new IllegalArgumentException("keeps the newest " + NEWEST_KEPT + " posts: " + limit);
    }
    return unnumbered.subList(0, Math.min(limit, unnumbered.size()));
  }

  /** Picks the posts from what the scan kept of each author, then reads their bodies by id. */
  @Override
  public List<Post> latestOf(List<String> authors, int limit) {
    if (limit > SiteRenderer.TIMELINE_POSTS) {
      throw new IllegalArgumentException(
          "keeps each user's newest " + SiteRenderer.TIMELINE_POSTS + " posts: " + limit);
    }
    List<Post> stubs = new ArrayList<>();
    for (String author : authors) {
      Recent own = recent.get(author);
      if (own != null) {
        own.newest(author, limit, stubs);
      }
    }
    stubs.sort(Post.NEWEST_FIRST);
    List<PostId> ids =
        stubs.subList(0, Math.min(limit, stubs.size())).stream().map(Post::id).toList();
    List<Post> found = store.posts().byIds(ids);
    if (found.size() < ids.size()) {
      throw new IllegalStateException("posts gone since the scan: " + ids.size() + " asked");
    }
    return found;
  }

  private long postCount(String author) {
    User user = users.get(author);
    return user == null ? 0 : user.postCount();
  }

  /**
   * When a user's newest {@link SiteRenderer#TIMELINE_POSTS} posts were written, by number; the
   * highest number seen is their post count.
   */
  private static final class Recent {
    private TreeMap<Long, Instant> scanned = new TreeMap<>();
    private long[] seqs;
    private Instant[] written;

    synchronized void add(Post post) {
      scanned.put(post.seq(), post.createdAt());
      if (scanned.size() > SiteRenderer.TIMELINE_POSTS) {
        scanned.pollFirstEntry();
      }
    }

    /** After the scan: two arrays, newest first, instead of a tree's entries. */
    synchronized Recent freeze() {
      seqs = scanned.descendingKeySet().stream().mapToLong(Long::longValue).toArray();
      written = scanned.descendingMap().values().toArray(Instant[]::new);
      scanned = null;
      return this;
    }

    long highestSeq() {
      return seqs.length == 0 ? 0 : seqs[0];
    }

    /** Stand-ins without bodies, newest number first, for ordering only. */
    void newest(String author, int limit, List<Post> into) {
      for (int i = 0; i < Math.min(limit, seqs.length); i++) {
        into.add(new Post(author, seqs[i], "", written[i]));
      }
    }
  }
}
