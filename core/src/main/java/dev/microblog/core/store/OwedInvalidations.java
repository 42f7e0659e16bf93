package dev.microblog.core.store;

import static dev.microblog.core.store.Table.*;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * CDN invalidations the generator owes: paths whose pages it rewrote while the CDN's invalidation
 * call failed. Kept in the table, not in memory, because Lambda retries a failed batch on any
 * instance: the retry finds the pages already written and would not know to invalidate them. One
 * item, written only when an invalidation fails, so it is never hot.
 */
public final class OwedInvalidations {
  private final Table table;

  public OwedInvalidations(Table table) {
    this.table = table;
  }

  public void owe(Collection<String> paths) {
    change("ADD", paths);
  }

  /** The invalidation of these went through: they are no longer owed. */
  public void paid(Collection<String> paths) {
    change("DELETE", paths);
  }

  public Set<String> owed() {
    return table
        .get(CDN, OWED)
        .map(i -> i.get("paths"))
        .filter(v -> v.hasSs())
        .<Set<String>>map(v -> new TreeSet<>(v.ss()))
        .orElse(Set.of());
  }

  private void change(String action, Collection<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    table
        .client()
        .updateItem(
            b ->
                b.tableName(table.name())
                    .key(key(CDN, OWED))
                    .updateExpression(action + " paths :paths")
                    .expressionAttributeValues(
                        Map.of(
                            ":paths", AttributeValue.fromSs(paths.stream().distinct().toList()))));
  }
}
