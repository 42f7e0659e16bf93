package dev.microblog.generator;

import static dev.microblog.generator.Steps.INVALIDATE;
import static dev.microblog.generator.Steps.NUMBER;
import static dev.microblog.generator.Steps.PLAN;
import static dev.microblog.generator.Steps.RENDER_AND_PUBLISH;

import dev.microblog.core.change.Change;
import dev.microblog.core.domain.Pagination;
import dev.microblog.core.domain.PostId;
import dev.microblog.generator.planning.PagePlanner;
import dev.microblog.generator.planning.PageRef;
import dev.microblog.generator.publishing.InvalidationLedger;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.state.SiteState;
import dev.microblog.generator.state.WithBatchPosts;
import dev.microblog.generator.support.Fanout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of stream records into published pages: plan each record's pages, render and
 * publish each page once per batch, then invalidate what changed.
 *
 * <p>Every record of a batch was committed before the batch started and pages are rendered from the
 * current state, so a page rendered for an earlier record already shows a later one: it is not
 * rendered again. Records are handled in order so a failure can name the first record not done.
 */
public final class ChangeProcessor {
  private static final Logger log = LoggerFactory.getLogger(ChangeProcessor.class);

  private final SiteState state;
  private final Function<SiteState, SiteWriter> writers;
  private final Optional<Numbering> numbering;
  private final Pagination pagination;
  private final Invalidator invalidator;
  private final int parallelism;
  private final Consumer<BatchReport> listener;
  private final HomeRequests homeRequests;
  private final InvalidationLedger ledger;

  ChangeProcessor(
      SiteState state,
      Function<SiteState, SiteWriter> writers,
      Optional<Numbering> numbering,
      Pagination pagination,
      Invalidator invalidator,
      int parallelism,
      Consumer<BatchReport> listener,
      HomeRequests homeRequests,
      InvalidationLedger ledger) {
    this.homeRequests = homeRequests;
    this.ledger = ledger;
    this.state = state;
    this.writers = writers;
    this.numbering = numbering;
    this.pagination = pagination;
    this.invalidator = invalidator;
    this.parallelism = parallelism;
    this.listener = listener;
  }

  public BatchReport process(List<ChangeRecord> records) {
    Steps steps = new Steps(PLAN, RENDER_AND_PUBLISH, INVALIDATE, NUMBER);
    Tally tally = new Tally();
    List<PostId> posts = new ArrayList<>();
    for (ChangeRecord record : records) {
      if (record.change().orElse(null) instanceof Change.PostChanged post) {
        posts.add(new PostId(post.author(), post.seq()));
      }
    }
    SiteState seen = new WithBatchPosts(state, posts);
    SiteWriter writer = writers.apply(seen);
    PagePlanner planner = new PagePlanner(seen, pagination);
    Set<PageRef> done = new HashSet<>();
    int changes = 0;
    int numberings = 0;
    String failedAt = null;
    for (ChangeRecord record : records) {
      try {
        Optional<Change> change = record.change();
        if (change.isEmpty()) {
          continue;
        }
        changes++;
        if (change.get() instanceof Change.PostsNumbered) {
          numberings++;
        }
        List<PageRef> fresh =
            planner.plan(change.get()).pages().stream().filter(done::add).toList();
        steps.lap(PLAN);
        Fanout.each(fresh, parallelism, ref -> writer.write(ref, tally));
        // Its timeline is published (now, or earlier in this batch: after the request was made).
        if (change.get() instanceof Change.HomeRequested home) {
          homeRequests.served(home.username(), home.requestedMillis());
        }
        steps.lap(RENDER_AND_PUBLISH);
      } catch (RuntimeException e) {
        steps.lap("failed record");
        failedAt = record.sequenceNumber();
        log.error("record {} failed; the stream will retry from it", failedAt, e);
        break;
      }
    }
    int invalidated = 0;
    List<String> fresh = tally.stalePaths();
    Set<String> owed = ledger.owed();
    Set<String> stale = new TreeSet<>(fresh);
    stale.addAll(owed);
    try {
      if (!stale.isEmpty()) {
        invalidator.invalidate(List.copyOf(stale));
        ledger.paid(owed);
        invalidated = stale.size();
      }
    } catch (RuntimeException e) {
      // The pages are written, so a retry would find them unchanged: the debt goes in the ledger
      // (the table), and this batch is given back so that a retry, on any instance, pays it.
      ledger.owe(fresh);
      log.error(
          "invalidating {} paths failed; they are owed until a batch succeeds", stale.size(), e);
      if (failedAt == null && !records.isEmpty()) {
        failedAt = records.getFirst().sequenceNumber();
      }
    }
    steps.lap(INVALIDATE);
    numberDue(steps);
    BatchReport report =
        tally.report(
            records.size(),
            changes,
            numberings,
            done.size(),
            invalidated,
            steps.millis(),
            failedAt);
    log.info("batch: {} ({})", report.summary(), steps);
    listener.accept(report);
    return report;
  }

  /**
   * Numbers the posts now due (their seals come back through the stream as changes). A failure here
   * costs nothing but a delay: the next batch or the schedule seals the same posts.
   */
  private void numberDue(Steps steps) {
    numbering.ifPresent(
        n -> {
          try {
            n.sealDue();
          } catch (RuntimeException e) {
            log.warn("numbering posts failed; the next batch or the schedule tries again", e);
          }
          steps.lap(NUMBER);
        });
  }
}
