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
import java.util.Arrays;
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
    Map<String, List<String>> follows = new ConcurrentHashMap<>(); // lists: 4 bytes an edge
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
            List<String> followees = follows.computeIfAbsent(follower, f -> new ArrayList<>(4));
            synchronized (followees) {
              followees.add(names.computeIfAbsent(followee, n -> n));
            }
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
              List.copyOf(new TreeSet<>(follows.getOrDefault(name, List.of())));
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
    // Each author's newest come in order: merge them, taking only the first {@code limit}, instead
    // of sorting every author's {@code limit} (a timeline has 20 authors or more, and a rebuild
    // renders one per user).
    PriorityQueue<Cursor> heads = new PriorityQueue<>(Cursor.NEWEST_HEAD_FIRST);
    for (String author : authors) {
      Recent own = recent.get(author);
      if (own != null) {
        Cursor.start(author, own, limit, heads);
      }
    }
    List<PostId> ids = new ArrayList<>(limit);
    while (ids.size() < limit && !heads.isEmpty()) {
      Cursor newest = heads.poll();
      ids.add(newest.head().id());
      if (newest.advance()) {
        heads.add(newest);
      }
    }
    return byIds(ids);
  }

  /** Where a merge stands in one author's newest posts: its next post, as a stand-in. */
  private static final class Cursor {
    static final Comparator<Cursor> NEWEST_HEAD_FIRST =
        Comparator.comparing(Cursor::head, Post.NEWEST_FIRST);

    private final String author;
    private final Recent recent;
    private final int last;
    private int at;
    private Post head;

    private Cursor(String author, Recent recent, int from, int last) {
      this.author = author;
      this.recent = recent;
      this.at = from;
      this.last = last;
      this.head = recent.stub(author, from);
    }

    /**
     * Adds the author's newest {@code limit} posts to the merge: as one cursor from the newest
     * back, or, when their numbers and times disagree, as a cursor for each post.
     */
    static void start(String author, Recent recent, int limit, Queue<Cursor> into) {
      int size = recent.size();
      int oldest = Math.max(0, size - limit);
      if (size == 0) {
        return;
      }
      if (recent.inTimeOrder()) {
        into.add(new Cursor(author, recent, size - 1, oldest));
      } else {
        for (int i = oldest; i < size; i++) {
          into.add(new Cursor(author, recent, i, i));
        }
      }
    }

    Post head() {
      return head;
    }

    boolean advance() {
      if (at == last) {
        return false;
      }
      head = recent.stub(author, --at);
      return true;
    }
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
   * where its body was set aside, in arrays sorted by number (a few bytes a post, no objects). The
   * highest number seen is their post count.
   */
  private static final class Recent {
    private static final int MOST = SiteRenderer.TIMELINE_POSTS;
    private int size;
    private long[] seqs = new long[4];
    private long[] written = new long[4];
    private long[] offsets = new long[4];
    private int[] lengths = new int[4];
    private String[] langs = new String[4]; // interned: a handful of distinct tags
    private boolean inTimeOrder;

    synchronized void add(Post post, BodySpill spill) {
      long seq = post.seq();
      if (size == MOST && seq < seqs[0]) {
        return; // older than all we keep: not set aside
      }
      int found = Arrays.binarySearch(seqs, 0, size, seq);
      if (found >= 0) {
        return; // the scan gives each item once
      }
      int at = -found - 1;
      if (size == MOST) { // the oldest kept makes room
        at--;
        shift(1, 0, at);
      } else {
        if (size == seqs.length) {
          int grown = Math.min(MOST, size * 2);
          seqs = Arrays.copyOf(seqs, grown);
          written = Arrays.copyOf(written, grown);
          offsets = Arrays.copyOf(offsets, grown);
          lengths = Arrays.copyOf(lengths, grown);
          langs = Arrays.copyOf(langs, grown);
        }
        shift(at, at + 1, size - at);
        size++;
      }
      BodySpill.Place place = spill.put(post.body());
      seqs[at] = seq;
      written[at] = post.createdAt().toEpochMilli();
      offsets[at] = place.offset();
      lengths[at] = place.length();
      langs[at] = post.lang().intern();
    }

    private void shift(int from, int to, int count) {
      System.arraycopy(seqs, from, seqs, to, count);
      System.arraycopy(written, from, written, to, count);
      System.arraycopy(offsets, from, offsets, to, count);
      System.arraycopy(lengths, from, lengths, to, count);
      System.arraycopy(langs, from, langs, to, count);
    }

    /** After the scan: read only, from any thread. */
    synchronized Recent freeze() {
      inTimeOrder = true;
      for (int i = 1; i < size; i++) {
        inTimeOrder &= written[i - 1] <= written[i];
      }
      return this;
    }

    /**
     * Whether a higher number never has an earlier time. Numbers are claimed in the order posts are
     * written, but two function instances' clocks may disagree by a little.
     */
    synchronized boolean inTimeOrder() {
      return inTimeOrder;
    }

    synchronized long highestSeq() {
      return size == 0 ? 0 : seqs[size - 1];
    }

    synchronized long oldestSeq() {
      return size == 0 ? Long.MAX_VALUE : seqs[0];
    }

    synchronized Post post(String author, long seq, BodySpill spill) {
      int i = Arrays.binarySearch(seqs, 0, size, seq);
      return i < 0
          ? null
          : new Post(
              author,
              seq,
              spill.get(offsets[i], lengths[i]),
              Instant.ofEpochMilli(written[i]),
              langs[i]);
    }

    synchronized int size() {
      return size;
    }

    /** The post at {@code i} (by number, oldest first) without its body, for ordering only. */
    synchronized Post stub(String author, int i) {
      return new Post(author, seqs[i], "", Instant.ofEpochMilli(written[i]));
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
