package dev.microblog.functions.following;

import dev.microblog.core.domain.Rules;
import dev.microblog.core.store.NoSuchUser;
import dev.microblog.core.store.Store;
import dev.microblog.functions.Checks;
import dev.microblog.functions.Refused;
import dev.microblog.site.Messages;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Following and unfollowing. Both are idempotent: following someone you already follow (a double
 * click, a retried request) changes nothing and is no error.
 */
@Singleton
public final class Following {
  private final Store store;
  private final Clock clock;

  public Following(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * @return the followee's username as stored
   * @throws Refused {@code INVALID} for oneself, {@code NOT_FOUND} for a user who does not exist
   */
  public String follow(String follower, String followee, Messages t) {
    String name = checked(follower, followee, t);
    try {
      store.follows().follow(follower, name, clock.instant());
    } catch (NoSuchUser gone) {
      throw notFound(name, t);
    }
    return name;
  }

  /** Same rules as {@link #follow}. */
  public String unfollow(String follower, String followee, Messages t) {
    String name = checked(follower, followee, t);
    try {
      store.follows().unfollow(follower, name);
    } catch (NoSuchUser gone) {
      throw notFound(name, t);
    }
    return name;
  }

  private String checked(String follower, String followee, Messages t) {
    String name = Checks.username(followee);
    if (name.equals(follower)) {
      throw Refused.form(Refused.Reason.INVALID, t.get("error_follow_self"));
    }
    // Asked before writing so the answer does not depend on how the transaction reports which of
    // its conditions failed.
    if (!Rules.USERNAME.matcher(name).matches() || !store.users().exists(name)) {
      throw notFound(name, t);
    }
    return name;
  }

  private static Refused notFound(String name, Messages t) {
    return Refused.form(Refused.Reason.NOT_FOUND, t.get("error_no_such_user", name));
  }
}
