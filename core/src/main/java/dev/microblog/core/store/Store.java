package dev.microblog.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The one way into the table: functions and generator both go through here. */
public record Store(
    Table table,
    UserStore users,
    PostStore posts,
    FollowStore follows,
    SessionStore sessions,
    TimelineStore timelines,
    OwedInvalidations owedInvalidations) {

  public static Store over(DynamoDbClient client, String tableName) {
    Table table = new Table(client, tableName);
    return new Store(
        table,
        new UserStore(table),
        new PostStore(table),
        new FollowStore(table),
        new SessionStore(table),
        new TimelineStore(table),
        new OwedInvalidations(table));
  }
}
