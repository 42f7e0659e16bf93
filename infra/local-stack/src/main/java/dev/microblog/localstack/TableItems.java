package dev.microblog.localstack;

import static dev.microblog.core.store.Table.GSI1_PK;
import static dev.microblog.core.store.Table.GSI1_SK;
import static dev.microblog.core.store.Table.PK;
import static dev.microblog.core.store.Table.SK;

import dev.microblog.core.domain.Post;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's items as core's stores write them (UserStore's profile, PostStore's post,
 * FollowStore's two edges), so that a benchmark can load a large site with BatchWriteItem instead
 * of one transaction per item. The stores keep their prefixes to themselves and write one item at a
 * time; this is the one place outside core that knows the layout, and {@code TableItemsTest} checks
 * it against what the stores write.
 */
final class TableItems {
  static final String SITE = "SITE";
  static final String COUNTERS = "COUNTERS";

  private TableItems() {}

  static String userPk(String username) {
    return "USER#" + username;
  }

  /** A profile with its counters; the e-mail and hash are placeholders nobody logs in with. */
  static Map<String, AttributeValue> profile(
      String username, Instant joinedAt, long posts, long followers, long following) {
    Map<String, AttributeValue> item = item(userPk(username), "PROFILE");
    item.put("username", s(username));
    item.put("email", s(username + "@bench.invalid"));
    item.put("passwordHash", s("not-a-hash"));
    item.put("joinedAt", s(joinedAt.toString()));
    item.put("about", s(""));
    item.put("postCount", n(posts));
    item.put("followers", n(followers));
    item.put("following", n(following));
    item.put(GSI1_PK, s("USERS"));
    item.put(GSI1_SK, s(username));
    return item;
  }

  static Map<String, AttributeValue> post(Post post) {
    Map<String, AttributeValue> item = item(userPk(post.author()), "POST#" + pad(post.seq(), 10));
    item.put("author", s(post.author()));
    item.put("seq", n(post.seq()));
    item.put("siteSeq", n(post.siteSeq()));
    item.put("body", s(post.body()));
    item.put("createdAt", s(post.createdAt().toString()));
    item.put(GSI1_PK, s("EXPLORE"));
    item.put(GSI1_SK, s(pad(post.siteSeq(), 15)));
    return item;
  }

  /** {@code follower} follows {@code followee}: the edge and its reverse. */
  static List<Map<String, AttributeValue>> follow(String follower, String followee, Instant since) {
    Map<String, AttributeValue> edge = item(userPk(follower), "FOLLOWS#" + followee);
    Map<String, AttributeValue> reverse = item(userPk(followee), "FOLLOWER#" + follower);
    for (var e : List.of(edge, reverse)) {
      e.put("follower", s(follower));
      e.put("followee", s(followee));
      e.put("since", s(since.toString()));
    }
    return List.of(edge, reverse);
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, s(pk), SK, s(sk));
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(pk));
    item.put(SK, s(sk));
    return item;
  }

  private static String pad(long n, int width) {
    return String.format("%0" + width + "d", n);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
