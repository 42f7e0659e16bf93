package dev.microblog.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The one way into the table: functions and generator both go through here. */
public record Store(
    Table table,
    UserStore users,
    PostStore posts,
    ExploreStore explore,
    FollowStore follows,
    SessionStore sessions,
    TimelineStore timelines,
    OwedInvalidations owedInvalidations) {

  public static Store over(DynamoDbClient client, String tableName) {
    Table table = new Table(client, tableName);
    PostStore posts = new PostStore(table);
    return new Store(
        table,
        new UserStore(table),
        posts,
        new ExploreStore(table, posts),
        new FollowStore(table),
        new SessionStore(table),
        new TimelineStore(table),
        new OwedInvalidations(table));
  }

  /** Reads every user, post and follow edge in one Scan of {@code segments} parallel slices. */
  public void scanSite(int segments, SiteScan.Visitor visitor) {
    SiteScan.scan(table, segments, visitor);
  }

  /** Fills an empty table in batches; see {@link SiteImport}. Close it to finish. */
  public SiteImport importer() {
    return new SiteImport(table);
  }
}
