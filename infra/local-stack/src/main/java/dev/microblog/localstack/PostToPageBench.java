package dev.microblog.localstack;

import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.domain.SitePaths;
import dev.microblog.generator.BatchReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long a post takes to reach its author's profile page, as a reader sees it through the CDN,
 * and how many files the generator writes for each post. One author with a few followers posts one
 * post at a time through {@code /api/posts}; after each answer we poll the profile page every 5 ms
 * (through the CDN and its cache, which the generator's invalidations clear) until the post is on
 * it. Run by {@code bench/post-to-page}.
 */
public final class PostToPageBench {
  private static final Duration POLL = Duration.ofMillis(5);
  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private PostToPageBench() {}

  public static void main(String[] args) throws Exception {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int followers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path repo = Options.findRepo(Path.of(System.getProperty("microblog.repo", ".")));

    try (LocalStack stack = LocalStack.start(Options.inMemory(repo, false))) {
      String author = "author";
      SiteClient authorsBrowser = new SiteClient(stack.siteUrl());
      authorsBrowser.signUp(author, "author@example.org", "benchmark-password");
      for (int i = 1; i <= followers; i++) {
        SiteClient follower = new SiteClient(stack.siteUrl());
        follower.signUp("reader" + i, "reader" + i + "@example.org", "benchmark-password");
        follower.follow(author);
      }
      SiteClient reader = new SiteClient(stack.siteUrl());
      // The last locale the generator writes a page in: when it shows the post, every locale does.
      String profile = SitePaths.profile(SiteLocale.ALL.getLast(), author);
      for (int i = 1; i <= warmUp; i++) {
        postAndWait(authorsBrowser, reader, profile, "warm-up post " + i);
      }
      stack.awaitPagesCurrent(GIVE_UP);

      AtomicLong written = new AtomicLong();
      AtomicLong planned = new AtomicLong();
      AtomicLong batchMillis = new AtomicLong();
      AtomicLong batches = new AtomicLong();
      stack
          .generator()
          .onBatch(
              (BatchReport report) -> {
                written.addAndGet(report.written());
                planned.addAndGet(report.planned());
                batchMillis.addAndGet(report.millis());
                batches.incrementAndGet();
              });
      long[] millis = new long[posts];
      for (int i = 0; i < posts; i++) {
        millis[i] = postAndWait(authorsBrowser, reader, profile, "benchmark post " + (i + 1));
      }
      stack.awaitPagesCurrent(GIVE_UP);

      Arrays.sort(millis);
      double pagesPerPost = (double) written.get() / posts;
      System.out.printf(
          "posts=%d (after %d warm-up) followers=%d batches=%d pages_planned=%d files_written=%d"
              + " generator_ms_per_post=%.0f min_ms=%d p50_ms=%d p90_ms=%d p99_ms=%d max_ms=%d%n",
          posts,
          warmUp,
          followers,
          batches.get(),
          planned.get(),
          written.get(),
          (double) batchMillis.get() / posts,
          millis[0],
          percentile(millis, 50),
          percentile(millis, 90),
          percentile(millis, 99),
          millis[posts - 1]);
      System.out.printf(
          "RESULT posts=%d p50_ms=%d p99_ms=%d pages_per_post=%.2f%n",
          posts, percentile(millis, 50), percentile(millis, 99), pagesPerPost);
    }
  }

  /** Posts, then polls the page until the post shows; returns the time from answer to page. */
  private static long postAndWait(SiteClient author, SiteClient reader, String page, String body)
      throws InterruptedException {
    author.publish(body);
    long answered = System.nanoTime();
    long deadline = answered + GIVE_UP.toNanos();
    while (!reader.get(page).body().contains(body)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("'" + body + "' did not reach " + page + " in " + GIVE_UP);
      }
      Thread.sleep(POLL);
    }
    return (System.nanoTime() - answered) / 1_000_000;
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
