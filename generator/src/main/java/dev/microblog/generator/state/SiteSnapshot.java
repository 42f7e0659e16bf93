package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import dev.microblog.core.store.SiteScan;
import dev.microblog.core.store.Store;
import dev.microblog.generator.support.Fanout;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole site in memory. A full rebuild reads the table once into a snapshot instead of asking
 * it again for every page; tests build one by hand. Immutable once built, so safe to share between
 * threads.
 */
public final class SiteSnapshot implements SiteState {
  private final NavigableMap<String, User> users;
  private final Map<String, NavigableMap<Long, Post>> posts;
  private final NavigableMap<Long, Post> explore;
  private final Map<String, List<String>> following;
  private final Map<String, List<String>> followers;
  private final long sitePostCount;

  private SiteSnapshot(
      Map<String, User> users,
      Map<String, NavigableMap<Long, Post>> posts,
      Map<String, ? extends java.util.Collection<String>> following,
      long sitePostCount) {
    this.users = new TreeMap<>(users);
    this.posts = Map.copyOf(posts);
    this.explore = new TreeMap<>();
    posts.values().forEach(byAuthor -> byAuthor.values().forEach(p -> explore.put(p.siteSeq(), p)));
    Map<String, List<String>> out = new TreeMap<>();
    Map<String, TreeSet<String>> in = new TreeMap<>();
    following.forEach(
        (follower, followees) -> {
          out.put(follower, List.copyOf(new TreeSet<>(followees)));
          followees.forEach(f -> in.computeIfAbsent(f, x -> new TreeSet<>()).add(follower));
        });
    this.following = out;
    this.followers = new TreeMap<>();
    in.forEach((followee, names) -> this.followers.put(followee, List.copyOf(names)));
    this.sitePostCount = sitePostCount;
  }

  /** Reads everything {@code source} holds, one user at a time ({@code threads} at once). */
  public static SiteSnapshot load(SiteState source, int threads) {
    long sitePostCount = source.sitePostCount();
    Map<String, User> users = new ConcurrentHashMap<>();
    Map<String, NavigableMap<Long, Post>> posts = new ConcurrentHashMap<>();
    Map<String, List<String>> following = new ConcurrentHashMap<>();
    Fanout.each(
        source.usernames(),
        threads,
        name ->
            source
                .user(name)
                .ifPresent(
                    user -> {
                      users.put(name, user);
                      following.put(name, source.following(name));
                      NavigableMap<Long, Post> own = new TreeMap<>();
                      if (user.postCount() > 0) {
                        source.postsBy(name, 1, user.postCount()).forEach(p -> own.put(p.seq(), p));
                      }
                      posts.put(name, own);
                    }));
    return new SiteSnapshot(users, posts, following, sitePostCount);
  }

  /**
   * Reads the whole table in one Scan of {@code segments} parallel slices: the same snapshot as
   * {@link #load} over the store, from a few large requests instead of three per user.
   */
  public static SiteSnapshot scan(Store store, int segments) {
    Map<String, User> users = new ConcurrentHashMap<>();
    Map<String, ConcurrentSkipListMap<Long, Post>> posts = new ConcurrentHashMap<>();
    Map<String, Queue<String>> following = new ConcurrentHashMap<>();
    AtomicLong sitePostCount = new AtomicLong();
    Map<String, String> authors = new ConcurrentHashMap<>();
    store.scanSite(
        segments,
        new SiteScan.Visitor() {
          @Override
          public void user(User user) {
            users.put(user.username(), user);
          }

          @Override
          public void post(Post post) {
            var byAuthor = posts.computeIfAbsent(post.author(), a -> new ConcurrentSkipListMap<>());
            // One copy of the author's name for all their posts: the snapshot is most of the heap.
            String author = authors.computeIfAbsent(post.author(), a -> a);
            byAuthor.put(
                post.seq(),
                new Post(author, post.seq(), post.siteSeq(), post.body(), post.createdAt()));
          }

          @Override
          public void follow(String follower, String followee) {
            following.computeIfAbsent(follower, f -> new ConcurrentLinkedQueue<>()).add(followee);
          }

          @Override
          public void sitePostCount(long count) {
            sitePostCount.set(count);
          }
        });
    // As load() does: only users with a profile count, and only their posts up to their count.
    Map<String, NavigableMap<Long, Post>> own = new HashMap<>();
    Map<String, List<String>> follows = new HashMap<>();
    users.forEach(
        (name, user) -> {
          var byAuthor = posts.getOrDefault(name, new ConcurrentSkipListMap<>());
          own.put(name, new TreeMap<>(byAuthor.headMap(user.postCount(), true)));
          follows.put(name, List.copyOf(following.getOrDefault(name, new ArrayDeque<>())));
        });
    return new SiteSnapshot(users, own, follows, sitePostCount.get());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Already all in memory. */
  @Override
  public SiteSnapshot snapshot(int parallelism) {
    return this;
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
  public long sitePostCount() {
    return sitePostCount;
  }

  @Override
  public Optional<Post> post(String author, long seq) {
    return Optional.ofNullable(postsOf(author).get(seq));
  }

  @Override
  public List<Post> postsBy(String author, long from, long to) {
    return from > to ? List.of() : newestFirst(postsOf(author).subMap(from, true, to, true));
  }

  @Override
  public List<Post> explore(long from, long to) {
    return from > to ? List.of() : newestFirst(explore.subMap(from, true, to, true));
  }

  @Override
  public List<Post> latestOf(List<String> authors, int limit) {
    List<Post> merged = new ArrayList<>();
    for (String author : authors) {
      postsOf(author).descendingMap().values().stream().limit(limit).forEach(merged::add);
    }
    merged.sort(Comparator.comparingLong(Post::siteSeq).reversed());
    return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
  }

  private NavigableMap<Long, Post> postsOf(String author) {
    return posts.getOrDefault(author, new TreeMap<>());
  }

  private static List<Post> newestFirst(NavigableMap<Long, Post> range) {
    return List.copyOf(range.descendingMap().values());
  }

  /**
   * Builds a site step by step as the functions would write it: numbers and counters follow from
   * the order of the calls. {@link #build()} may be called again after more steps.
   */
  public static final class Builder {
    private final Map<String, Instant> joined = new TreeMap<>();
    private final Map<String, NavigableMap<Long, Post>> posts = new TreeMap<>();
    private final Map<String, TreeSet<String>> following = new TreeMap<>();
    private long siteSeq;

    public Builder user(String username, Instant joinedAt) {
      joined.putIfAbsent(username, joinedAt);
      posts.putIfAbsent(username, new TreeMap<>());
      following.putIfAbsent(username, new TreeSet<>());
      return this;
    }

    /** Adds the author's next post (the author must exist). */
    public Post post(String author, String body, Instant createdAt) {
      NavigableMap<Long, Post> own = existing(posts, author);
      Post post = new Post(author, own.size() + 1L, ++siteSeq, body, createdAt);
      own.put(post.seq(), post);
      return post;
    }

    public Builder follow(String follower, String followee) {
      existing(posts, followee);
      existing(following, follower).add(followee);
      return this;
    }

    public Builder unfollow(String follower, String followee) {
      existing(following, follower).remove(followee);
      return this;
    }

    public SiteSnapshot build() {
      Map<String, User> users = new TreeMap<>();
      Map<String, NavigableMap<Long, Post>> postsCopy = new TreeMap<>();
      joined.forEach(
          (name, at) -> {
            long followers = following.values().stream().filter(s -> s.contains(name)).count();
            users.put(
                name,
                new User(
                    name, at, "", posts.get(name).size(), followers, following.get(name).size()));
            postsCopy.put(name, new TreeMap<>(posts.get(name)));
          });
      Map<String, List<String>> followingCopy = new TreeMap<>();
      following.forEach((name, names) -> followingCopy.put(name, List.copyOf(names)));
      return new SiteSnapshot(users, postsCopy, followingCopy, siteSeq);
    }

    private static <V> V existing(Map<String, V> map, String username) {
      V value = map.get(username);
      if (value == null) {
        throw new IllegalArgumentException("no such user: " + username);
      }
      return value;
    }
  }
}
