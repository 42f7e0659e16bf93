package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Follow edges, stored both ways (who I follow, who follows me) with both users' counters, all in
 * one transaction so the counts always match the edges.
 */
public final class FollowStore {
  private final Table table;

  public FollowStore(Table table) {
    this.table = table;
  }

  /**
   * Makes {@code follower} follow {@code followee}.
   *
   * @return false if it already did (nothing written)
   * @throws NoSuchUser if either user does not exist
   */
  public boolean follow(String follower, String followee, Instant now) {
    if (follower.equals(followee)) {
      throw new IllegalArgumentException("a user cannot follow themselves");
    }
    List<Map<String, AttributeValue>> items = edgeItems(follower, followee, now);
    Map<String, AttributeValue> edge = items.get(0);
    Map<String, AttributeValue> reverse = items.get(1);
    return write(
        follower,
        followee,
        List.of(
            put(edge, "attribute_not_exists(pk)"),
            put(reverse, "attribute_not_exists(pk)"),
            count(follower, "following", 1),
            count(followee, "followers", 1)));
  }

  /**
   * Makes {@code follower} stop following {@code followee}.
   *
   * @return false if it did not follow (nothing written)
   */
  public boolean unfollow(String follower, String followee) {
    return write(
        follower,
        followee,
        List.of(
            delete(key(userPk(follower), FOLLOWS + followee)),
            delete(key(userPk(followee), FOLLOWER + follower)),
            count(follower, "following", -1),
            count(followee, "followers", -1)));
  }

  private boolean write(String follower, String followee, List<TransactWriteItem> actions) {
    try {
      Transactions.write(table, actions);
      return true;
    } catch (TransactionCanceledException e) {
      if (Transactions.conditionFailed(e, 2)) {
        throw new NoSuchUser(follower);
      }
      if (Transactions.conditionFailed(e, 3)) {
        throw new NoSuchUser(followee);
      }
      if (Transactions.conditionFailed(e, 0)) {
        return false; // the edge was already there (follow) or already gone (unfollow)
      }
      throw e;
    }
  }

  /** The edge as the follower's item and as the followee's, in that order. */
  static List<Map<String, AttributeValue>> edgeItems(
      String follower, String followee, Instant since) {
    Map<String, AttributeValue> edge = item(userPk(follower), FOLLOWS + followee);
    Map<String, AttributeValue> reverse = item(userPk(followee), FOLLOWER + follower);
    for (var e : List.of(edge, reverse)) {
      e.put("follower", s(follower));
      e.put("followee", s(followee));
      e.put("since", s(since.toString()));
    }
    return List.of(edge, reverse);
  }

  public boolean isFollowing(String follower, String followee) {
    return table.get(userPk(follower), FOLLOWS + followee).isPresent();
  }

  /** Usernames {@code user} follows, in name order. */
  public List<String> following(String user) {
    return edges(user, FOLLOWS);
  }

  /** Usernames following {@code user}, in name order. */
  public List<String> followers(String user) {
    return edges(user, FOLLOWER);
  }

  private List<String> edges(String user, String prefix) {
    var items =
        table
            .client()
            .queryPaginator(
                b ->
                    b.tableName(table.name())
                        // The generator reads edges right after their stream record: it must see
                        // them.
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(
                            Map.of(":pk", s(userPk(user)), ":prefix", s(prefix))))
            .items();
    return suffixes(items.stream().toList(), prefix);
  }

  private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
    return TransactWriteItem.builder()
        .put(p -> p.tableName(table.name()).item(item).conditionExpression(condition))
        .build();
  }

  private TransactWriteItem delete(Map<String, AttributeValue> key) {
    return TransactWriteItem.builder()
        .delete(d -> d.tableName(table.name()).key(key).conditionExpression("attribute_exists(pk)"))
        .build();
  }

  /** Adds {@code delta} to a user's counter; the condition keeps it from creating a ghost user. */
  private TransactWriteItem count(String user, String counter, int delta) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table.name())
                    .key(key(userPk(user), PROFILE))
                    .updateExpression("ADD #c :delta")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#c", counter))
                    .expressionAttributeValues(Map.of(":delta", n(delta))))
        .build();
  }
}
