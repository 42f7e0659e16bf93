package dev.microblog.generator;

import static dev.microblog.generator.Steps.INVALIDATE;
import static dev.microblog.generator.Steps.LOAD;
import static dev.microblog.generator.Steps.PLAN;
import static dev.microblog.generator.Steps.RENDER_AND_PUBLISH;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.domain.Pagination;
import dev.microblog.core.store.Store;
import dev.microblog.generator.planning.PagePlan;
import dev.microblog.generator.planning.PagePlanner;
import dev.microblog.generator.publishing.DirectoryPublisher;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.publishing.Publisher;
import dev.microblog.generator.rendering.SiteRenderer;
import dev.microblog.generator.state.SiteState;
import dev.microblog.generator.support.Fanout;
import dev.microblog.generator.support.Progress;
import dev.microblog.site.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every page of the site from the table: on first start, after a template change, or when
 * the bucket is behind the table. Unchanged pages are not written again, so a rebuild of a
 * published site costs reads only.
 */
public final class SiteBuilder {
  private static final Logger log = LoggerFactory.getLogger(SiteBuilder.class);

  /** The system property that says how {@link #main} shows progress: terminal, lines or none. */
  static final String PROGRESS = "microblog.progress";

  private final SiteState state;
  private final Templates templates;
  private final Publisher publisher;
  private final Invalidator invalidator;
  private final String origin;
  private final int parallelism;
  private final Consumer<BatchReport> listener;

  SiteBuilder(
      SiteState state,
      Templates templates,
      Publisher publisher,
      Invalidator invalidator,
      String origin,
      int parallelism,
      Consumer<BatchReport> listener) {
    this.state = state;
    this.templates = templates;
    this.publisher = publisher;
    this.invalidator = invalidator;
    this.origin = origin;
    this.parallelism = parallelism;
    this.listener = listener;
  }

  public BatchReport rebuildAll() {
    return rebuildAll(Progress.NONE);
  }

  /** As {@link #rebuildAll()}, telling {@code progress} of every page as it is published. */
  public BatchReport rebuildAll(Progress progress) {
    Steps steps = new Steps(LOAD, PLAN, RENDER_AND_PUBLISH, INVALIDATE);
    Tally tally = new Tally();
    int planned;
    // One pass over the table (a segmented Scan) instead of a few queries per page; posts are
    // read again, a user's at a time, as their pages are rendered.
    SiteState site = state.forRebuild(parallelism);
    try {
      steps.lap(LOAD);
      PagePlan plan = new PagePlanner(site, Pagination.DEFAULT).everything();
      steps.lap(PLAN);
      SiteWriter writer =
          new SiteWriter(new SiteRenderer(site, templates, Pagination.DEFAULT, origin), publisher);
      progress.start(plan.size());
      try {
        Fanout.each(
            plan.pages(),
            parallelism,
            ref -> {
              writer.write(ref, tally);
              progress.advance();
            });
      } finally {
        progress.finish(); // on a failure too: the terminal gets its line end
      }
      planned = plan.size();
    } finally {
      if (site instanceof AutoCloseable resources) {
        close(resources);
      }
    }
    steps.lap(RENDER_AND_PUBLISH);
    List<String> stale = tally.stalePaths();
    invalidator.invalidate(stale);
    steps.lap(INVALIDATE);
    BatchReport report = tally.report(0, 0, 0, planned, stale.size(), steps.millis(), null);
    log.info("full rebuild: {} ({})", report.summary(), steps);
    listener.accept(report);
    return report;
  }

  private static void close(AutoCloseable resources) {
    try {
      resources.close();
    } catch (Exception e) {
      log.warn("could not release what the rebuild held", e);
    }
  }

  /**
   * Rebuilds the site named by the environment ({@link GeneratorSettings}); with a folder argument,
   * writes the site there instead of to the bucket. Progress goes to stderr, redrawn in place with
   * {@code -Dmicroblog.progress=terminal} (infra/bin/rebuild sets it when stderr is a TTY; Java
   * cannot tell), as plain lines otherwise, not at all with {@code =none}.
   */
  public static void main(String[] args) {
    Generator generator;
    if (args.length == 1) {
      AwsConfig config = GeneratorSettings.fromEnvironment().aws();
      generator =
          Generator.create(
                  Store.over(config.dynamoDb(), config.tableName()),
                  new DirectoryPublisher(Path.of(args[0])),
                  Invalidator.NONE)
              .servedAt(GeneratorSettings.fromEnvironment().siteUrl());
    } else if (args.length == 0) {
      generator = Generator.fromEnvironment();
    } else {
      System.err.println("usage: SiteBuilder [output-folder]");
      System.exit(2);
      return;
    }
    System.out.println(generator.builder().rebuildAll(progressOnStderr()).summary());
  }

  private static Progress progressOnStderr() {
    return switch (System.getProperty(PROGRESS, "lines")) {
      case "terminal" -> Progress.onTerminal(System.err, "rendering", "pages");
      case "none" -> Progress.NONE;
      default -> Progress.inLines(System.err::println, "rendering", "pages");
    };
  }
}
