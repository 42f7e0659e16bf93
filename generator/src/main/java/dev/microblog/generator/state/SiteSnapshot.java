package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import dev.microblog.core.domain.User;
import dev.microblog.core.store.ExploreStore;
import dev.microblog.core.store.SiteScan;
import dev.microblog.core.store.Store;
import dev.microblog.generator.support.Fanout;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole site in memory. A full rebuild reads the table once into a snapshot instead of asking
 * it again for every page; tests build one by hand. Immutable once built, so safe to share between
 * threads.
 */
public final class SiteSnapshot implements SiteState {
  private final NavigableMap<String, User> users;
  private final Map<String, NavigableMap<Long, Post>> posts;
  private final NavigableMap<Long, Post> numbered;
  private final long numberedCount;
  private final Instant numberedUntil;
  private final List<Post> unnumbered;
  private final Map<String, List<String>> following;
  private final Map<String, List<String>> followers;

  private SiteSnapshot(
      Map<String, User> users,
      Map<String, NavigableMap<Long, Post>> posts,
      Map<String, ? extends Collection<String>> following,
      NavigableMap<Long, Post> numbered,
      long numberedCount,
      Instant numberedUntil) {
    this.users = new TreeMap<>();
    users.forEach(
        (name, u) -> {
          NavigableMap<Long, Post> own = posts.getOrDefault(name, new TreeMap<>());
          long count = own.isEmpty() ? 0 : own.lastKey();
          this.users.put(
              name, new User(name, u.joinedAt(), u.about(), count, u.followers(), u.following()));
        });
    this.posts = Map.copyOf(posts);
    this.numbered = new TreeMap<>(numbered);
    this.numberedCount = numberedCount;
    this.numberedUntil = numberedUntil;
    List<Post> later = new ArrayList<>();
    posts
        .values()
        .forEach(
            own ->
                own.values().stream()
                    .filter(p -> !p.createdAt().isBefore(numberedUntil))
                    .forEach(later::add));
    later.sort(Post.NEWEST_FIRST);
    this.unnumbered = List.copyOf(later);
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
  }

  /** Reads everything {@code source} holds, one user at a time ({@code threads} at once). */
  public static SiteSnapshot load(SiteState source, int threads) {
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
    long count = source.numberedCount();
    NavigableMap<Long, Post> numbered = new TreeMap<>();
    List<Post> newestFirst = source.explore(1, count);
    for (int i = 0; i < newestFirst.size(); i++) {
      numbered.put(count - i, newestFirst.get(i));
    }
    return new SiteSnapshot(users, posts, following, numbered, count, source.numberedUntil());
  }

  /**
   * Reads the whole table in one Scan of {@code segments} parallel slices: the same snapshot as
   * {@link #load} over the store, from a few large requests instead of three per user.
   */
  public static SiteSnapshot scan(Store store, int segments) {
    Map<String, User> users = new ConcurrentHashMap<>();
    Map<String, ConcurrentSkipListMap<Long, Post>> posts = new ConcurrentHashMap<>();
    Map<String, Queue<String>> following = new ConcurrentHashMap<>();
    Queue<ExploreStore.Seal> seals = new ConcurrentLinkedQueue<>();
    AtomicReference<ExploreStore.Progress> progress = new AtomicReference<>();
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
                new Post(author, post.seq(), post.body(), post.createdAt(), post.lang()));
          }

          @Override
          public void follow(String follower, String followee) {
            following.computeIfAbsent(follower, f -> new ConcurrentLinkedQueue<>()).add(followee);
          }

          @Override
          public void seal(ExploreStore.Seal seal) {
            seals.add(seal);
          }

          @Override
          public void progress(ExploreStore.Progress p) {
            progress.set(p);
          }
        });
    // As load() does: only users with a profile count, and only posts of such users.
    Map<String, NavigableMap<Long, Post>> own = new HashMap<>();
    Map<String, List<String>> follows = new HashMap<>();
    users.forEach(
        (name, user) -> {
          own.put(name, new TreeMap<>(posts.getOrDefault(name, new ConcurrentSkipListMap<>())));
          follows.put(name, List.copyOf(following.getOrDefault(name, new ArrayDeque<>())));
        });
    ExploreStore.Progress p = progress.get();
    long count = p == null ? 0 : p.numbered();
    NavigableMap<Long, Post> numbered = new TreeMap<>();
    for (ExploreStore.Seal seal : seals) {
      for (int i = 0; i < seal.posts().size() && seal.first() + i <= count; i++) {
        PostId id = seal.posts().get(i);
        Post post = own.getOrDefault(id.author(), new TreeMap<>()).get(id.seq());
        if (post != null) {
          numbered.put(seal.first() + i, post);
        }
      }
    }
    return new SiteSnapshot(
        users, own, follows, numbered, count, p == null ? Instant.EPOCH : p.until());
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
  public Optional<Post> post(String author, long seq) {
    return Optional.ofNullable(postsOf(author).get(seq));
  }

  @Override
  public List<Post> postsBy(String author, long from, long to) {
    return from > to ? List.of() : newestFirst(postsOf(author).subMap(from, true, to, true));
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
    return from > to ? List.of() : newestFirst(numbered.subMap(from, true, to, true));
  }

  @Override
  public List<Post> newestUnnumbered(int limit) {
    return unnumbered.subList(0, Math.min(limit, unnumbered.size()));
  }

  @Override
  public List<Post> latestOf(List<String> authors, int limit) {
    List<Post> merged = new ArrayList<>();
    for (String author : authors) {
      postsOf(author).descendingMap().values().stream().limit(limit).forEach(merged::add);
    }
    merged.sort(Post.NEWEST_FIRST);
    return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
  }

  private NavigableMap<Long, Post> postsOf(String author) {
    return posts.getOrDefault(author, new TreeMap<>());
  }

  private static List<Post> newestFirst(NavigableMap<Long, Post> range) {
    return List.copyOf(range.descendingMap().values());
  }

  /**
   * Builds a site step by step as the functions and the generator's sealing would write it: numbers
   * and counters follow from the order of the calls. {@link #build()} may be called again after
   * more steps.
   */
  public static final class Builder {
    private final Map<String, Instant> joined = new TreeMap<>();
    private final Map<String, NavigableMap<Long, Post>> posts = new TreeMap<>();
    private final Map<String, TreeSet<String>> following = new TreeMap<>();
    private final NavigableMap<Long, Post> numbered = new TreeMap<>();
    private Instant numberedUntil = Instant.EPOCH;

    public Builder user(String username, Instant joinedAt) {
      joined.putIfAbsent(username, joinedAt);
      posts.putIfAbsent(username, new TreeMap<>());
      following.putIfAbsent(username, new TreeSet<>());
      return this;
    }

    /** Adds the author's next post (the author must exist). */
    public Post post(String author, String body, Instant createdAt) {
      return post(author, body, createdAt, Post.UNDETERMINED);
    }

    /** Adds the author's next post, written in {@code lang} (a BCP 47 tag). */
    public Post post(String author, String body, Instant createdAt, String lang) {
      NavigableMap<Long, Post> own = existing(posts, author);
      Post post = new Post(author, own.size() + 1L, body, createdAt, lang);
      own.put(post.seq(), post);
      return post;
    }

    /** Numbers every post written before {@code end} and not numbered yet, oldest first. */
    public Builder seal(Instant end) {
      if (!end.isAfter(numberedUntil)) {
        return this;
      }
      List<Post> due = new ArrayList<>();
      posts.values().forEach(own -> own.values().forEach(due::add));
      Instant from = numberedUntil;
      due.removeIf(p -> p.createdAt().isBefore(from) || !p.createdAt().isBefore(end));
      due.sort(Post.NEWEST_FIRST.reversed());
      long next = numbered.isEmpty() ? 1 : numbered.lastKey() + 1;
      for (Post p : due) {
        numbered.put(next++, p);
      }
      numberedUntil = end;
      return this;
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
            users.put(name, new User(name, at, "", 0, followers, following.get(name).size()));
            postsCopy.put(name, new TreeMap<>(posts.get(name)));
          });
      Map<String, List<String>> followingCopy = new TreeMap<>();
      following.forEach((name, names) -> followingCopy.put(name, List.copyOf(names)));
      return new SiteSnapshot(
          users, postsCopy, followingCopy, numbered, numbered.size(), numberedUntil);
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
