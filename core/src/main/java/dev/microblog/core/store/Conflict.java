package dev.microblog.core.store;

import java.util.Set;

/**
 * A write refused because it clashes with what is stored (a taken username or e-mail address).
 * Nothing was written. {@link #fields()} names the form fields at fault.
 */
public final class Conflict extends RuntimeException {
  public enum Field {
    USERNAME,
    EMAIL
  }

  private final Set<Field> fields;

  public Conflict(Set<Field> fields) {
    super("already taken: " + fields);
    this.fields = Set.copyOf(fields);
  }

  public Set<Field> fields() {
    return fields;
  }
}
