package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Home timelines are pulled, not pushed: a post re-renders its author's timeline only, and a
 * follower's is brought up to date when its owner asks for it. Asking writes a request item (its
 * stream record makes the generator render that one timeline); the generator then notes which
 * request it served, so the asker can wait for it. Both items are the owner's, so no item is
 * written by every post.
 */
public final class TimelineStore {
  private final Table table;

  public TimelineStore(Table table) {
    this.table = table;
  }

  /**
   * Asks for {@code username}'s timeline to be rendered again. A plain put: sent twice (an SDK
   * retry), it asks twice, which is harmless.
   *
   * @param requestedMillis the request's time, which {@link #served} reports back
   */
  public void request(String username, long requestedMillis) {
    var item = item(userPk(username), HOME);
    item.put("requestedAt", n(requestedMillis));
    table.client().putItem(b -> b.tableName(table.name()).item(item));
  }

  /**
   * Notes that the timeline was rendered after the request of {@code requestedMillis}. Never moves
   * back: a late note for an older request changes nothing.
   */
  public void served(String username, long requestedMillis) {
    try {
      table
          .client()
          .putItem(
              b ->
                  b.tableName(table.name())
                      .item(servedItem(username, requestedMillis))
                      .conditionExpression("attribute_not_exists(servedFor) OR servedFor < :r")
                      .expressionAttributeValues(Map.of(":r", n(requestedMillis))));
    } catch (ConditionalCheckFailedException newerAlreadyNoted) {
      // a newer request was served already
    }
  }

  /** The newest request served so far (0 for none). */
  public long servedFor(String username) {
    return table.get(userPk(username), HOME_SERVED).map(i -> num(i, "servedFor")).orElse(0L);
  }

  private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>
      servedItem(String username, long requestedMillis) {
    var item = item(userPk(username), HOME_SERVED);
    item.put("servedFor", n(requestedMillis));
    return item;
  }
}
