package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.change.Change;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an item's key (and a few attributes of its image) into a {@link Change}: the stream's view
 * of the key layout, so it lives beside {@link Table}. Items that no page shows (sessions, e-mail
 * claims, the numbering's progress, the reverse follow edge, the generator's own note that it
 * served a timeline request) decode to nothing.
 */
public final class ChangeDecoder {
  private ChangeDecoder() {}

  /**
   * @param item the string form of the item's scalar attributes (S and N), from the new image or,
   *     for a removal, the old one; at least {@code pk} and {@code sk}
   */
  public static Optional<Change> decode(Map<String, String> item) {
    String pk = item.getOrDefault(PK, "");
    String sk = item.getOrDefault(SK, "");
    if (pk.equals(EXPLORE) && sk.startsWith(SEAL)) {
      return Optional.of(
          new Change.PostsNumbered(
              Long.parseLong(item.getOrDefault("first", "0")),
              Long.parseLong(item.getOrDefault("count", "0"))));
    }
    if (!pk.startsWith(USER)) {
      return Optional.empty();
    }
    String user = pk.substring(USER.length());
    if (sk.equals(PROFILE)) {
      return Optional.of(new Change.UserChanged(user));
    }
    if (sk.startsWith(POST)) {
      return Optional.of(new Change.PostChanged(user, Long.parseLong(sk.substring(POST.length()))));
    }
    if (sk.equals(HOME)) {
      return Optional.of(
          new Change.HomeRequested(user, Long.parseLong(item.getOrDefault("requestedAt", "0"))));
    }
    if (sk.startsWith(FOLLOWS)) {
      return Optional.of(new Change.FollowChanged(user, sk.substring(FOLLOWS.length())));
    }
    return Optional.empty();
  }
}
