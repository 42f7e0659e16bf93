package dev.microblog.generator;

/**
 * What one stream batch (or a full rebuild) did. {@code planned} counts pages as the planner names
 * them (a timeline is one); the other counts are files.
 *
 * @param records stream records in the batch
 * @param changes records that change a page (the rest are sessions, counters, e-mail claims…)
 * @param numberings of those, seals that numbered posts for explore (not a write of anyone's)
 * @param planned distinct pages planned (and rendered, unless the batch failed first)
 * @param created files that did not exist
 * @param updated files whose bytes changed
 * @param unchanged files rendered to the bytes already published: nothing written
 * @param deleted files removed (a timeline that shrank, a page whose subject is gone)
 * @param invalidated CDN paths invalidated
 * @param millis wall time of the batch
 * @param failedAt sequence number of the first record that failed, or null
 */
public record BatchReport(
    int records,
    int changes,
    int numberings,
    int planned,
    int created,
    int updated,
    int unchanged,
    int deleted,
    int invalidated,
    long millis,
    String failedAt) {

  /** Files written: the cost of the batch. */
  public int written() {
    return created + updated;
  }

  /** A batch of seals only: the explore numbering's work, shared by the posts of a minute. */
  public boolean onlyNumbering() {
    return changes > 0 && numberings == changes;
  }

  public boolean failed() {
    return failedAt != null;
  }

  /** The log line. */
  public String summary() {
    return String.format(
        "%d records, %d changes, %d pages planned, %d written (%d new), %d unchanged, %d deleted,"
            + " %d invalidated, %d ms%s",
        records,
        changes,
        planned,
        written(),
        created,
        unchanged,
        deleted,
        invalidated,
        millis,
        failed() ? ", FAILED at " + failedAt : "");
  }
}
