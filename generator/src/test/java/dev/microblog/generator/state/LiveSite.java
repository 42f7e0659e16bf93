package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import java.util.List;
import java.util.Optional;

/** A site whose state a test moves forward between batches, as the table would be. */
public class LiveSite implements SiteState {
  private volatile SiteState current;

  public LiveSite(SiteState initial) {
    this.current = initial;
  }

  public void set(SiteState next) {
    current = next;
  }

  public SiteState current() {
    return current;
  }

  @Override
  public Optional<User> user(String username) {
    return current().user(username);
  }

  @Override
  public List<String> usernames() {
    return current().usernames();
  }

  @Override
  public List<String> following(String username) {
    return current().following(username);
  }

  @Override
  public List<String> followers(String username) {
    return current().followers(username);
  }

  @Override
  public long numberedCount() {
    return current().numberedCount();
  }

  @Override
  public java.time.Instant numberedUntil() {
    return current().numberedUntil();
  }

  @Override
  public List<Post> newestUnnumbered(int limit) {
    return current().newestUnnumbered(limit);
  }

  @Override
  public Optional<Post> post(String author, long seq) {
    return current().post(author, seq);
  }

  @Override
  public List<Post> postsBy(String author, long from, long to) {
    return current().postsBy(author, from, to);
  }

  @Override
  public List<Post> explore(long from, long to) {
    return current().explore(from, to);
  }

  @Override
  public List<Post> latestOf(List<String> authors, int limit) {
    return current().latestOf(authors, limit);
  }
}
