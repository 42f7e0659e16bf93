package dev.microblog.functions.posting;

import dev.microblog.core.domain.Post;
import dev.microblog.core.store.Store;
import dev.microblog.functions.Refused;
import dev.microblog.site.Messages;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Writing posts, and reading one back straight from the table (read-your-writes). */
@Singleton
public final class Posting {
  private final Store store;
  private final Clock clock;

  public Posting(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * @throws Refused with {@code INVALID} for an empty or too long post; nothing is written then
   * @throws dev.microblog.core.store.NoSuchUser if the author no longer exists
   */
  public Post post(String author, PostInput input, Messages t) {
    Map<String, String> errors = input.errors(t);
    if (!errors.isEmpty()) {
      throw new Refused(Refused.Reason.INVALID, errors);
    }
    return store.posts().create(author, input.normalizedBody(), clock.instant());
  }

  public Optional<Post> find(String author, long seq) {
    return store.posts().find(author, seq);
  }
}
