package dev.microblog.generator.publishing;

import dev.microblog.core.store.OwedInvalidations;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the generator keeps the invalidations it owes the CDN until one goes through. In AWS the
 * table (core's {@code OwedInvalidations}): a batch retried on another Lambda instance must still
 * know. Over a snapshot (tests, exports) memory does.
 */
public interface InvalidationLedger {
  Set<String> owed();

  void owe(Collection<String> paths);

  void paid(Collection<String> paths);

  /** The table's ledger, which every Lambda instance reads. */
  static InvalidationLedger inTable(OwedInvalidations table) {
    return new StoreLedger(table);
  }

  static InvalidationLedger inMemory() {
    Set<String> owed = java.util.Collections.synchronizedSet(new TreeSet<>());
    return new InvalidationLedger() {
      @Override
      public Set<String> owed() {
        synchronized (owed) {
          return Set.copyOf(owed);
        }
      }

      @Override
      public void owe(Collection<String> paths) {
        owed.addAll(paths);
      }

      @Override
      public void paid(Collection<String> paths) {
        owed.removeAll(paths);
      }
    };
  }
}
