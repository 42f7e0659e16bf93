package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import dev.microblog.core.domain.NewUser;
import dev.microblog.core.domain.Post;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the stores write, for a loader that writes a large site with BatchWriteItem (a
 * benchmark) instead of one conditional write per item. The layout stays the stores': these are
 * theirs, handed out; nothing here checks a condition, so never use it next to live writers.
 */
public final class BulkItems {
  /** The partition the generator's explore numbering writes (seals and their progress). */
  public static final String NUMBERING_PARTITION = EXPLORE;

  private BulkItems() {}

  /** A profile with these follow counters. */
  public static Map<String, AttributeValue> profile(NewUser user, long followers, long following) {
    return UserStore.profileItem(user, followers, following);
  }

  /** The key of a user's profile, for updating its counters. */
  public static Map<String, AttributeValue> profileKey(String username) {
    return key(userPk(username), PROFILE);
  }

  public static Map<String, AttributeValue> post(Post post) {
    return PostStore.postItem(post);
  }

  /** {@code follower} follows {@code followee}: the edge and its reverse. */
  public static List<Map<String, AttributeValue>> follow(
      String follower, String followee, Instant since) {
    return FollowStore.edgeItems(follower, followee, since);
  }
}
