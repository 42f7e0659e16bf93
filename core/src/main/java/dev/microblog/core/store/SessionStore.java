package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import java.time.Instant;
import java.util.Optional;

/**
 * Login sessions, keyed by a hash of the cookie's token so a leaked table does not leak sessions.
 * DynamoDB's TTL removes expired ones; until it does, {@link #user} checks the expiry itself.
 */
public final class SessionStore {
  private final Table table;

  public SessionStore(Table table) {
    this.table = table;
  }

  public void create(String tokenHash, String username, Instant expiresAt) {
    var item = item(SESSION + tokenHash, "SESSION");
    item.put("username", s(username));
    item.put(TTL, n(expiresAt.getEpochSecond()));
    table.client().putItem(b -> b.tableName(table.name()).item(item));
  }

  /** The user a live session belongs to. */
  public Optional<String> user(String tokenHash, Instant now) {
    return table
        .get(SESSION + tokenHash, "SESSION")
        .filter(i -> num(i, TTL) > now.getEpochSecond())
        .map(i -> str(i, "username"));
  }

  public void delete(String tokenHash) {
    table
        .client()
        .deleteItem(b -> b.tableName(table.name()).key(key(SESSION + tokenHash, "SESSION")));
  }
}
