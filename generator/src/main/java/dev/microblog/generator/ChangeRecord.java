package dev.microblog.generator;

import dev.microblog.core.change.Change;
import dev.microblog.core.store.ChangeDecoder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One stream record, reduced to what the generator reads: its sequence number, its event name and
 * the scalar attributes (S and N, as strings) of its keys and images.
 */
public record ChangeRecord(
    String sequenceNumber,
    String eventName,
    Map<String, String> keys,
    Map<String, String> newImage,
    Map<String, String> oldImage) {

  /**
   * Profile attributes that only ever change in the same transaction as a follow edge, whose own
   * records plan the profile fronts showing them: a record changing nothing else affects no page by
   * itself. (A feature that changes them alone must stop listing them here.)
   */
  static final Set<String> COUNTERS = Set.of("followers", "following");

  public ChangeRecord {
    keys = Map.copyOf(keys);
    newImage = Map.copyOf(newImage);
    oldImage = Map.copyOf(oldImage);
  }

  /** The change this record makes, if a page shows what it changed. */
  public Optional<Change> change() {
    if (onlyCountersChanged()) {
      return Optional.empty();
    }
    Map<String, String> item = new HashMap<>(keys);
    item.putAll("REMOVE".equals(eventName) ? oldImage : newImage);
    return ChangeDecoder.decode(item);
  }

  private boolean onlyCountersChanged() {
    if (!"MODIFY".equals(eventName) || oldImage.isEmpty() || newImage.isEmpty()) {
      return false;
    }
    Set<String> differing = new HashSet<>(newImage.keySet());
    differing.addAll(oldImage.keySet());
    differing.removeIf(name -> java.util.Objects.equals(newImage.get(name), oldImage.get(name)));
    return !differing.isEmpty() && COUNTERS.containsAll(differing);
  }
}
