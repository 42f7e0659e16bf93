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
 * when their newest {@link SiteRenderer#TIMELINE_POSTS} posts were written, their bodies set aside
 * in a file: {@link BodySpill}), the explore numbering (ids only) and the site's newest posts for
 * the explore front. Older posts are read again when a page asks for them, through a few {@link
 * PostChunks} of consecutive posts, so that the pages of one user, planned together, read that
 * user's posts once. Answers exactly as {@link SiteSnapshot#scan} does. Safe to share between
 * threads; close it to delete the file.
 */
public final class RebuildState implements SiteState, AutoCloseable {
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
  private final NavigableMap<Long, Seal> seals;
  private final BodySpill spill;

  private RebuildState(
      Store store,
      NavigableMap<String, User> users,
      Map<String, Recent> recent,
      Map<String, List<String>> following,
      Map<String, List<String>> followers,
      ExploreStore.Progress progress,
      List<Post> unnumbered,
      NavigableMap<Long, Seal> seals,
      BodySpill spill,
      int cachedChunks) {
    this.seals = seals;
    this.spill = spill;
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
    Queue<Seal> sealed = new ConcurrentLinkedQueue<>();
    BodySpill spill = new BodySpill();
    store.scanSite(
        segments,
        new SiteScan.Visitor() {
          @Override
          public void user(User user) {
            profiles.put(user.username(), user);
          }

          @Override
          public void post(Post post) {
            recent.computeIfAbsent(post.author(), a -> new Recent()).add(post, spill);
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
            sealed.add(Seal.of(seal, names));
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
    spill.seal();
    NavigableMap<Long, Seal> seals = new TreeMap<>();
    sealed.forEach(seal -> seals.put(seal.first(), seal));
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
        store,
        users,
        Map.copyOf(recent),
        out,
        back,
        p,
        later,
        seals,
        spill,
        Math.max(8, 4 * segments));
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
    Post kept = kept(author, seq);
    return Optional.ofNullable(kept != null ? kept : chunks.post(author, seq));
  }

  @Override
  public List<Post> postsBy(String author, long from, long to) {
    long last = Math.min(to, postCount(author));
    long first = Math.max(from, 1);
    if (first > last) {
      return List.of();
    }
    Recent own = recent.get(author);
    if (own != null && own.oldestSeq() <= first) {
      List<Post> newestFirst = new ArrayList<>();
      for (long seq = last; seq >= first; seq--) {
        Post kept = kept(author, seq);
        if (kept != null) {
          newestFirst.add(kept);
        }
      }
      return List.copyOf(newestFirst);
    }
    return chunks.range(author, first, last);
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
    List<PostId> ids = new ArrayList<>();
    for (long position = Math.min(to, numberedCount); position >= Math.max(from, 1); position--) {
      var seal = seals.floorEntry(position);
      if (seal != null && position <= seal.getValue().last()) {
        ids.add(seal.getValue().id(position));
      }
    }
    return byIds(ids);
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
    return byIds(ids);
  }

  /** These posts, in this order, missing ones left out: kept ones from the file, others by key. */
  private List<Post> byIds(List<PostId> ids) {
    List<Post> found = new ArrayList<>(ids.size());
    List<PostId> unkept = new ArrayList<>();
    for (PostId id : ids) {
      Post kept = kept(id.author(), id.seq());
      found.add(kept);
      if (kept == null) {
        unkept.add(id);
      }
    }
    if (unkept.isEmpty()) {
      return List.copyOf(found);
    }
    Map<PostId, Post> read = new HashMap<>();
    store.posts().byIds(unkept).forEach(p -> read.put(p.id(), p));
    List<Post> all = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      Post post = found.get(i) != null ? found.get(i) : read.get(ids.get(i));
      if (post != null) {
        all.add(post);
      }
    }
    return List.copyOf(all);
  }

  /** The post if it is among its author's newest, whose bodies were set aside; else null. */
  private Post kept(String author, long seq) {
    Recent own = recent.get(author);
    return own == null ? null : own.post(author, seq, spill);
  }

  @Override
  public void close() {
    spill.close();
  }

  private long postCount(String author) {
    User user = users.get(author);
    return user == null ? 0 : user.postCount();
  }

  /**
   * A user's newest {@link SiteRenderer#TIMELINE_POSTS} posts, by number: when each was written and
   * where its body was set aside. The highest number seen is their post count.
   */
  private static final class Recent {
    private TreeMap<Long, Post> scanned = new TreeMap<>();
    private TreeMap<Long, BodySpill.Place> places = new TreeMap<>();
    private long[] seqs; // newest first, then these in the same order
    private long[] written;
    private long[] offsets;
    private int[] lengths;

    synchronized void add(Post post, BodySpill spill) {
      if (scanned.size() >= SiteRenderer.TIMELINE_POSTS && post.seq() < scanned.firstKey()) {
        return; // older than all we keep: not set aside
      }
      // Without its body: the author's string and the body go with the scanned item.
      scanned.put(post.seq(), new Post("", post.seq(), "", post.createdAt()));
      places.put(post.seq(), spill.put(post.body()));
      if (scanned.size() > SiteRenderer.TIMELINE_POSTS) {
        places.remove(scanned.pollFirstEntry().getKey());
      }
    }

    /** After the scan: arrays, newest first, instead of trees' entries. */
    synchronized Recent freeze() {
      int n = scanned.size();
      seqs = new long[n];
      written = new long[n];
      offsets = new long[n];
      lengths = new int[n];
      int i = 0;
      for (var e : scanned.descendingMap().entrySet()) {
        BodySpill.Place place = places.get(e.getKey());
        seqs[i] = e.getKey();
        written[i] = e.getValue().createdAt().toEpochMilli();
        offsets[i] = place.offset();
        lengths[i] = place.length();
        i++;
      }
      scanned = null;
      places = null;
      return this;
    }

    long highestSeq() {
      return seqs.length == 0 ? 0 : seqs[0];
    }

    long oldestSeq() {
      return seqs.length == 0 ? Long.MAX_VALUE : seqs[seqs.length - 1];
    }

    Post post(String author, long seq, BodySpill spill) {
      int i = indexOf(seq);
      return i < 0
          ? null
          : new Post(
              author, seq, spill.get(offsets[i], lengths[i]), Instant.ofEpochMilli(written[i]));
    }

    /** Stand-ins without bodies, newest number first, for ordering only. */
    void newest(String author, int limit, List<Post> into) {
      for (int i = 0; i < Math.min(limit, seqs.length); i++) {
        into.add(new Post(author, seqs[i], "", Instant.ofEpochMilli(written[i])));
      }
    }

    private int indexOf(long seq) {
      int low = 0;
      int high = seqs.length - 1;
      while (low <= high) { // seqs descend
        int mid = (low + high) >>> 1;
        if (seqs[mid] == seq) {
          return mid;
        } else if (seqs[mid] > seq) {
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return -1;
    }
  }

  /** A seal of the explore numbering, its ids in two arrays (the names shared with the users'). */
  private record Seal(long first, String[] authors, long[] seqs) {
    static Seal of(ExploreStore.Seal seal, Map<String, String> names) {
      int n = seal.posts().size();
      String[] authors = new String[n];
      long[] seqs = new long[n];
      for (int i = 0; i < n; i++) {
        PostId id = seal.posts().get(i);
        authors[i] = names.computeIfAbsent(id.author(), a -> a);
        seqs[i] = id.seq();
      }
      return new Seal(seal.first(), authors, seqs);
    }

    long last() {
      return first + seqs.length - 1;
    }

    PostId id(long position) {
      int i = (int) (position - first);
      return new PostId(authors[i], seqs[i]);
    }
  }
}
