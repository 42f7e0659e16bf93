package dev.microblog.generator.state;

import dev.microblog.core.domain.Post;
import dev.microblog.core.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the generator reads to plan and render pages. In production it is the table ({@link
 * StoreSiteState}); a full rebuild reads it with one Scan ({@link RebuildState}), tests build it by
 * hand ({@link SiteSnapshot}).
 */
public interface SiteState {
  Optional<User> user(String username);

  /** All usernames, in name order. */
  List<String> usernames();

  /** Whom {@code username} follows, in name order. */
  List<String> following(String username);

  /** Who follows {@code username}, in name order. */
  List<String> followers(String username);

  Optional<Post> post(String author, long seq);

  /** The author's posts numbered {@code from..to}, newest first. */
  List<Post> postsBy(String author, long from, long to);

  /** How many of the site's posts are numbered (sealed) for the explore pages. */
  long numberedCount();

  /** Posts written before this are numbered; later ones are not yet. */
  Instant numberedUntil();

  /** The site's numbered posts {@code from..to}, newest first. */
  List<Post> explore(long from, long to);

  /** The newest {@code limit} posts not numbered yet, newest first. */
  List<Post> newestUnnumbered(int limit);

  /**
   * Everything at once, for a full rebuild; {@code parallelism} reads may run at once. Sources that
   * can read in bulk do better than the default, which asks user by user.
   */
  default SiteSnapshot snapshot(int parallelism) {
    return SiteSnapshot.load(this, parallelism);
  }

  /**
   * What a full rebuild renders from; {@code parallelism} reads may run at once. By default the
   * {@link #snapshot}; the table gives a state whose memory does not grow with the posts ({@link
   * RebuildState}).
   */
  default SiteState forRebuild(int parallelism) {
    return snapshot(parallelism);
  }

  /** The newest {@code limit} posts of all these authors together, newest first. */
  List<Post> latestOf(List<String> authors, int limit);
}
