package dev.microblog.generator;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers followers for one batch: a batch of one author's posts asks for the same list once per
 * post. Everything else reads through.
 */
final class FollowersMemo implements SiteState {
  private final SiteState state;
  private final Map<String, List<String>> followers = new ConcurrentHashMap<>();

  FollowersMemo(SiteState state) {
    this.state = state;
  }

  @Override
  public List<String> followers(String username) {
    return followers.computeIfAbsent(username, state::followers);
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
  public long sitePostCount() {
    return state.sitePostCount();
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
  public List<Post> explore(long from, long to) {
    return state.explore(from, to);
  }

  @Override
  public List<Post> latestOf(List<String> authors, int limit) {
    return state.latestOf(authors, limit);
  }
}
