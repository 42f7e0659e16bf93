package dev.microblog.generator.publishing;

import dev.microblog.core.store.OwedInvalidations;
import java.util.Collection;
import java.util.Set;

/** The ledger in the table, where every Lambda instance finds it. */
record StoreLedger(OwedInvalidations table) implements InvalidationLedger {
  @Override
  public Set<String> owed() {
    return table.owed();
  }

  @Override
  public void owe(Collection<String> paths) {
    table.owe(paths);
  }

  @Override
  public void paid(Collection<String> paths) {
    table.paid(paths);
  }
}
