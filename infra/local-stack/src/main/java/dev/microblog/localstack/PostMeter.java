package dev.microblog.localstack;

import dev.microblog.core.store.BulkItems;
import dev.microblog.core.store.Table;
import dev.microblog.gateway.AppliedWrite;
import dev.microblog.generator.BatchReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts what the stack does for one post at a time: the generator's batches (from its reports),
 * the CDN's invalidation paths (from its record) and DynamoDB's write units (from every write the
 * gateway applies, sized from the item's images: see {@link WriteUnits}).
 */
final class PostMeter {
  private static final WriteUnits UNITS =
      new WriteUnits(List.of(List.of(Table.GSI1_PK, Table.GSI1_SK)));

  private static final class Counts {
    final AtomicLong puts = new AtomicLong();
    final AtomicLong deletes = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong batchMillis = new AtomicLong();
    final AtomicLong writeUnits = new AtomicLong();
    final AtomicLong numberingUnits = new AtomicLong();
    final AtomicLong numberingPuts = new AtomicLong();
  }

  private final LocalStack stack;
  private final AtomicReference<Counts> current = new AtomicReference<>(new Counts());
  private int invalidationsSeen;

  PostMeter(LocalStack stack) {
    this.stack = stack;
    stack.generator().onBatch(this::batch);
    stack.dynamo().onWrite(this::write);
  }

  private void batch(BatchReport report) {
    Counts c = current.get();
    (report.onlyNumbering() ? c.numberingPuts : c.puts).addAndGet(report.written());
    c.deletes.addAndGet(report.deleted());
    c.batches.incrementAndGet();
    c.batchMillis.addAndGet(report.millis());
  }

  /** The explore numbering's writes are counted apart: one step numbers every post of a minute. */
  private void write(AppliedWrite write) {
    var image = write.newImage() != null ? write.newImage() : write.oldImage();
    boolean numbering =
        image != null && BulkItems.NUMBERING_PARTITION.equals(image.path("pk").path("S").asText());
    (numbering ? current.get().numberingUnits : current.get().writeUnits)
        .addAndGet(UNITS.of(write));
  }

  /** Starts counting afresh; call when the stack is idle. */
  void reset() {
    current.set(new Counts());
    invalidationsSeen = stack.cdn().invalidations().size();
  }

  /** What was counted since {@link #reset}; call when the stack is idle again. */
  PostCost cost(long functionMillis, long visibleMillis) {
    Counts c = current.get();
    var invalidations = stack.cdn().invalidations();
    long paths =
        invalidations.subList(invalidationsSeen, invalidations.size()).stream()
            .mapToLong(i -> i.paths().size())
            .sum();
    return new PostCost(
        c.puts.get(),
        c.numberingPuts.get(),
        c.deletes.get(),
        paths,
        c.writeUnits.get(),
        c.numberingUnits.get(),
        c.batches.get(),
        c.batchMillis.get(),
        functionMillis,
        visibleMillis);
  }
}
