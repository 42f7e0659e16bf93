package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import dev.microblog.core.store.ExploreStore;
import dev.microblog.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The site as the table holds it right now. */
public record StoreSiteState(Store store, Clock clock) implements SiteState {
  public StoreSiteState(Store store) {
    this(store, Clock.systemUTC());
  }

  /** One segmented Scan of the table: a few large reads instead of three queries per user. */
  @Override
  public SiteSnapshot snapshot(int parallelism) {
    return SiteSnapshot.scan(store, parallelism);
  }

  /**
   * One segmented Scan keeping what is small per user; posts are read again as pages need them, so
   * memory does not grow with the site.
   */
  @Override
  public SiteState forRebuild(int parallelism) {
    return RebuildState.scan(store, parallelism);
  }

  @Override
  public Optional<User> user(String username) {
    return store.users().find(username);
  }

  @Override
  public List<String> usernames() {
    return store.users().allUsernames();
  }

  @Override
  public List<String> following(String username) {
    return store.follows().following(username);
  }

  @Override
  public List<String> followers(String username) {
    return store.follows().followers(username);
  }

  @Override
  public Optional<Post> post(String author, long seq) {
    return store.posts().find(author, seq);
  }

  @Override
  public List<Post> postsBy(String author, long from, long to) {
    return store.posts().byAuthor(author, from, to);
  }

  @Override
  public long numberedCount() {
    return store.explore().progress().map(ExploreStore.Progress::numbered).orElse(0L);
  }

  @Override
  public Instant numberedUntil() {
    return store.explore().progress().map(ExploreStore.Progress::until).orElse(Instant.EPOCH);
  }

  @Override
  public List<Post> explore(long from, long to) {
    return store.explore().numbered(from, to);
  }

  @Override
  public List<Post> newestUnnumbered(int limit) {
    return store.explore().newestUnnumbered(clock.instant(), limit);
  }

  @Override
  public List<Post> latestOf(List<String> authors, int limit) {
    return store.posts().latestOf(authors, limit);
  }
}
