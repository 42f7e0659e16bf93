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
  private final PostLanguage languages;

  public Posting(Store store, Clock clock, PostLanguage languages) {
    this.store = store;
    this.clock = clock;
    this.languages = languages;
  }

  /**
   * Stores the post in the language its author chose, or else the one detected in it.
   *
   * @throws Refused with {@code INVALID} for an empty or too long post or an unknown language;
   *     nothing is written then
   * @throws dev.microblog.core.store.NoSuchUser if the author no longer exists
   */
  public Post post(String author, PostInput input, Messages t) {
    Map<String, String> errors = input.errors(t);
    if (!errors.isEmpty()) {
      throw new Refused(Refused.Reason.INVALID, errors);
    }
    String body = input.normalizedBody();
    String lang = input.lang().isEmpty() ? languages.detect(body) : input.lang();
    return store.posts().create(author, body, clock.instant(), lang);
  }

  public Optional<Post> find(String author, long seq) {
    return store.posts().find(author, seq);
  }
}
