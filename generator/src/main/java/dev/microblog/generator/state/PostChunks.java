package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The few runs of an author's posts that the pages being rendered read: posts {@code 1..n}, {@code
 * n+1..2n}, … of one author each, read with one Query when first asked for and dropped, least
 * recently used first, once more than a handful are held. A rebuild plans a user's pages together,
 * so each run is read about once; memory stays the same however many posts the site has. Safe to
 * share between threads: two pages asking for the same run at once wait for one read.
 */
final class PostChunks {
  /** Reads the author's posts {@code from..to} (either order). */
  interface Reader {
    List<Post> posts(String author, long from, long to);
  }

  private record Key(String author, long index) {}

  /** One run, read on first use by whichever thread asks first. */
  private final class Chunk {
    private final Key key;
    private NavigableMap<Long, Post> posts;

    Chunk(Key key) {
      this.key = key;
    }

    synchronized NavigableMap<Long, Post> posts() {
      if (posts == null) {
        long first = key.index() * size + 1;
        NavigableMap<Long, Post> read = new TreeMap<>();
        reader.posts(key.author(), first, first + size - 1).forEach(p -> read.put(p.seq(), p));
        posts = read;
      }
      return posts;
    }
  }

  private final int size;
  private final Reader reader;
  private final Map<Key, Chunk> held;

  PostChunks(int capacity, Reader reader, int size) {
    this.size = size;
    this.reader = reader;
    this.held =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Chunk> eldest) {
            return size() > capacity;
          }
        };
  }

  Post post(String author, long seq) {
    return chunk(author, seq).get(seq);
  }

  /** Posts {@code from..to} that exist, newest first. */
  List<Post> range(String author, long from, long to) {
    List<Post> newestFirst = new ArrayList<>();
    for (long index = (to - 1) / size; index >= (from - 1) / size; index--) {
      newestFirst.addAll(
          chunk(author, index * size + 1).subMap(from, true, to, true).descendingMap().values());
    }
    return List.copyOf(newestFirst);
  }

  private NavigableMap<Long, Post> chunk(String author, long seq) {
    Chunk chunk;
    synchronized (held) {
      chunk = held.computeIfAbsent(new Key(author, (seq - 1) / size), Chunk::new);
    }
    return chunk.posts(); // read outside the map's lock: other runs stay available meanwhile
  }
}
