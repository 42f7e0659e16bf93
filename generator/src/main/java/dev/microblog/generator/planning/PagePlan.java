package dev.microblog.generator.planning;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The pages a change affects, each once, in the order they were planned. */
public record PagePlan(Set<PageRef> pages) {
  public static final PagePlan EMPTY = new PagePlan(Set.of());

  public PagePlan {
    pages = Collections.unmodifiableSet(new LinkedHashSet<>(pages));
  }

  public static PagePlan of(Collection<? extends PageRef> pages) {
    return new PagePlan(new LinkedHashSet<>(pages));
  }

  public PagePlan plus(PagePlan other) {
    Set<PageRef> all = new LinkedHashSet<>(pages);
    all.addAll(other.pages);
    return new PagePlan(all);
  }

  public boolean contains(PageRef page) {
    return pages.contains(page);
  }

  public int size() {
    return pages.size();
  }
}
