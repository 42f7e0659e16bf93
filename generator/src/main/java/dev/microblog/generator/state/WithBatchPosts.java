package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.PostId;
import dev.microblog.core.domain.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site as a batch sees it: the newest posts not numbered yet come from the explore index, which
 * in DynamoDB lags its table, so the posts of the batch itself (read by key, never behind) are
 * merged in. The explore front then always shows the post that asked for it. How far the numbering
 * has got is read once per batch: every page of the batch sees the same numbering.
 */
public final class WithBatchPosts implements SiteState {
  private final SiteState state;
  private final List<PostId> batch;
  private volatile Long numberedCount;
  private volatile Instant numberedUntil;

  public WithBatchPosts(SiteState state, List<PostId> batch) {
    this.state = state;
    this.batch = List.copyOf(batch);
  }

  @Override
  public List<Post> newestUnnumbered(int limit) {
    Instant until = numberedUntil();
    Map<PostId, Post> merged = new LinkedHashMap<>();
    state.newestUnnumbered(limit).forEach(p -> merged.put(p.id(), p));
    for (PostId id : batch) {
      state
          .post(id.author(), id.seq())
          .filter(p -> !p.createdAt().isBefore(until))
          .ifPresent(p -> merged.putIfAbsent(id, p));
    }
    List<Post> newest = new ArrayList<>(merged.values());
    newest.sort(Post.NEWEST_FIRST);
    return List.copyOf(newest.subList(0, Math.min(limit, newest.size())));
  }

  @Override
  public Optional<User> user(String username) {
    return state.user(username);
  }

  @Override
  public List<String> usernames() {
    return state.usernames();
  }

  @Override
  public List<String> following(String username) {
    return state.following(username);
  }

  @Override
  public List<String> followers(String username) {
    return state.followers(username);
  }

  @Override
  public Optional<Post> post(String author, long seq) {
    return state.post(author, seq);
  }

  @Override
  public List<Post> postsBy(String author, long from, long to) {
    return state.postsBy(author, from, to);
  }

  @Override
  public long numberedCount() {
    if (numberedCount == null) {
      numberedCount = state.numberedCount();
    }
    return numberedCount;
  }

  @Override
  public Instant numberedUntil() {
    if (numberedUntil == null) {
      numberedUntil = state.numberedUntil();
    }
    return numberedUntil;
  }

  @Override
  public List<Post> explore(long from, long to) {
    return state.explore(from, to);
  }

  @Override
  public List<Post> latestOf(List<String> authors, int limit) {
    return state.latestOf(authors, limit);
  }

  @Override
  public SiteSnapshot snapshot(int parallelism) {
    return state.snapshot(parallelism);
  }

  @Override
  public SiteState forRebuild(int parallelism) {
    return state.forRebuild(parallelism);
  }
}
