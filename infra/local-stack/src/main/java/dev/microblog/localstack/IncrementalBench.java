package dev.microblog.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one post costs as the site and the author's audience grow. For each site size it starts the
 * stack in memory, signs up one author per follower count through the site, loads the posts,
 * readers and follow edges straight into the table (unrendered: see {@link
 * LocalStack#writeUnrendered}; the loaded posts numbered on explore as the generator would have),
 * then has each author send a warm-up post (it renders the pages a post touches, so the measured
 * posts find them published) and a few measured posts through the CDN's {@code /api/posts}. For
 * each post it counts, from the POST until the generator is idle: objects written and deleted,
 * invalidation paths, DynamoDB write units ({@link PostMeter}: the post's own, and the numbering
 * step's, of which a post pays its share), and the time from the POST's answer until the permalink
 * and the profile show it ({@link Visibility}). Run by {@code bench/incremental}.
 */
public final class IncrementalBench {
  /** The scenario the monthly bill is for: 10k posts a day. */
  static final long POSTS_PER_MONTH = 10_000L * 30;

  static final long PAGE_VIEWS_PER_MONTH = 1_000_000L * 30;
  static final double CLOUDFRONT_PER_10K_HTTPS = 0.0075;

  private static final Duration GIVE_UP = Duration.ofMinutes(20);

  private IncrementalBench() {}

  record Cell(int size, int followers, Duration load, List<PostCost> posts) {
    long max(java.util.function.ToLongFunction<PostCost> f) {
      return posts.stream().mapToLong(f).max().orElse(0);
    }

    double maxOf(java.util.function.ToDoubleFunction<PostCost> f) {
      return posts.stream().mapToDouble(f).max().orElse(0);
    }

    double mean(java.util.function.ToLongFunction<PostCost> f) {
      return posts.stream().mapToLong(f).average().orElse(0);
    }

    long p99Visible() {
      long[] sorted = posts.stream().mapToLong(PostCost::visibleMillis).sorted().toArray();
      return PostToPageBench.percentile(sorted, 99);
    }

    /** Every post of the month costing what this cell's dearest post cost. */
    double monthlyUsd() {
      return posts.stream().mapToDouble(p -> p.monthlyUsd(POSTS_PER_MONTH)).max().orElse(0);
    }
  }

  public static void main(String[] args) throws Exception {
    int[] sizes = ints(args.length > 0 ? args[0] : "1000,10000,100000");
    int[] followerCounts = ints(args.length > 1 ? args[1] : "10,100,1000,100000");
    int postsPerCell = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Duration budget = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 15);
    Path repo = Options.findRepo(Path.of(System.getProperty("microblog.repo", ".")));

    List<Cell> cells = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int size : sizes) {
      cells.addAll(site(repo, size, followerCounts, postsPerCell, budget, skipped));
    }
    printTable(cells);
    skipped.forEach(System.out::println);
    printResult(cells, skipped.size());
  }

  private static List<Cell> site(
      Path repo,
      int size,
      int[] followerCounts,
      int postsPerCell,
      Duration budget,
      List<String> skipped)
      throws Exception {
    try (LocalStack stack = LocalStack.start(Options.inMemory(repo, false))) {
      Map<String, Integer> authors = new LinkedHashMap<>();
      Map<String, SiteClient> browsers = new LinkedHashMap<>();
      for (int followers : followerCounts) {
        String author = "author" + followers;
        SiteClient browser = new SiteClient(stack.siteUrl());
        browser.signUp(author, author + "@example.org", "benchmark-password");
        authors.put(author, followers);
        browsers.put(author, browser);
      }
      BenchSite site = new BenchSite(LocalStack.TABLE, size, Math.min(1000, size), authors);
      Duration postsLoad = stack.writeUnrendered(site::loadPosts);
      System.out.printf("site of %d posts loaded in %.1f s%n", size, postsLoad.toMillis() / 1000.0);

      PostMeter meter = new PostMeter(stack);
      Visibility visibility =
          new Visibility(
              new SiteClient(stack.siteUrl()), stack.s3Client(), LocalStack.BUCKET, GIVE_UP);
      List<Cell> cells = new ArrayList<>();
      for (var author : authors.entrySet()) {
        SiteClient browser = browsers.get(author.getKey());
        Duration estimate = estimate(cells, author.getValue(), postsPerCell + 1);
        if (estimate.compareTo(budget) > 0) {
          skipped.add(
              String.format(
                  "NOT MEASURED: %d posts, %d followers: the generator would take about %d min"
                      + " (%d posts at the last cell's time per follower), over the budget of %d"
                      + " min per cell",
                  size,
                  author.getValue(),
                  estimate.toMinutes(),
                  postsPerCell + 1,
                  budget.toMinutes()));
          continue;
        }
        Duration load =
            stack.writeUnrendered(dynamo -> site.loadFollowers(dynamo, author.getKey()));
        System.out.printf(
            "  %s: %d followers loaded in %.1f s%n",
            author.getKey(), author.getValue(), load.toMillis() / 1000.0);
        long warmUp = System.nanoTime();
        post(stack, meter, visibility, browser, author.getKey(), "warm-up");
        System.out.printf(
            "  %s: warm-up post done in %.1f s%n",
            author.getKey(), (System.nanoTime() - warmUp) / 1e9);
        List<PostCost> costs = new ArrayList<>();
        for (int i = 1; i <= postsPerCell; i++) {
          costs.add(post(stack, meter, visibility, browser, author.getKey(), "measured " + i));
        }
        cells.add(new Cell(size, author.getValue(), postsLoad.plus(load), costs));
      }
      return cells;
    }
  }

  /**
   * The generator's time for {@code posts} posts to {@code followers}, scaled from the last cell
   * measured: where every follower's timeline is rendered for every post, it grows with them.
   */
  static Duration estimate(List<Cell> measured, int followers, int posts) {
    if (measured.isEmpty()) {
      return Duration.ZERO;
    }
    Cell last = measured.getLast();
    double perFollower = last.mean(PostCost::generatorMillis) / Math.max(1, last.followers());
    return Duration.ofMillis((long) (perFollower * followers * posts));
  }

  private static PostCost post(
      LocalStack stack,
      PostMeter meter,
      Visibility visibility,
      SiteClient author,
      String name,
      String label)
      throws InterruptedException {
    if (!stack.awaitPagesCurrent(GIVE_UP)) {
      throw new IllegalStateException("the generator did not become idle");
    }
    meter.reset();
    String body = label + " post by " + name + " " + System.nanoTime();
    long sent = System.nanoTime();
    long seq = author.publish(body);
    long answered = System.nanoTime();
    long visible = visibility.await(name, seq, body, answered);
    if (!stack.awaitPagesCurrent(GIVE_UP)) {
      throw new IllegalStateException("the generator did not become idle");
    }
    return meter.cost((answered - sent) / 1_000_000, visible);
  }

  private static void printTable(List<Cell> cells) {
    System.out.println();
    System.out.printf(
        "%7s %9s %6s %6s %8s %8s %8s %7s %5s %8s %8s %8s %9s %7s %7s %10s%n",
        "posts",
        "followers",
        "load_s",
        "n",
        "puts_max",
        "puts_avg",
        "num_puts",
        "deletes",
        "inval",
        "wcu_post",
        "wcu_max",
        "p50_ms",
        "p99_ms",
        "gen_ms",
        "fn_ms",
        "usd_month");
    for (Cell c : cells) {
      long[] visible = c.posts().stream().mapToLong(PostCost::visibleMillis).sorted().toArray();
      System.out.printf(
          "%7d %9d %6.1f %6d %8d %8.1f %8d %7d %5d %8d %8.2f %8d %9d %7.0f %7.0f %10.2f%n",
          c.size(),
          c.followers(),
          c.load().toMillis() / 1000.0,
          c.posts().size(),
          c.max(PostCost::puts),
          c.mean(PostCost::puts),
          c.max(PostCost::numberingPuts),
          c.max(PostCost::deletes),
          c.max(PostCost::invalidationPaths),
          c.max(PostCost::writeUnits),
          c.maxOf(PostCost::unitsPerPost),
          PostToPageBench.percentile(visible, 50),
          c.p99Visible(),
          c.mean(PostCost::generatorMillis),
          c.mean(PostCost::functionMillis),
          c.monthlyUsd());
    }
    double views = PAGE_VIEWS_PER_MONTH / 10_000.0 * CLOUDFRONT_PER_10K_HTTPS;
    System.out.printf(
        "usd_month: write side for %d posts a month, every post as the cell's dearest (S3 PUTs,"
            + " invalidations beyond 1,000 free, Lambda requests and GB-s at 1024/2048 MB,"
            + " DynamoDB write units). puts: objects written for the post itself; num_puts: for the"
            + " numbering step that numbered it (explore pages), shared by the minute's posts."
            + " wcu_post: the post's own writes; wcu_max: with its share (1 in %.2f) of the"
            + " minute's numbering step, as in AWS. Excluded: DynamoDB and S3 reads by the generator, and page"
            + " views: %d a month = $%.2f of CloudFront requests plus data transfer.%n",
        POSTS_PER_MONTH, PostCost.POSTS_PER_NUMBERING_STEP, PAGE_VIEWS_PER_MONTH, views);
    cells.stream()
        .filter(c -> c.followers() == 100)
        .forEach(
            c ->
                System.out.printf(
                    "scenario (100 followers on average) at %d posts: $%.2f a month%n",
                    c.size(), c.monthlyUsd()));
  }

  /** Worst over the cells measured; skipped cells (if any) are counted at the end. */
  private static void printResult(List<Cell> cells, int skipped) {
    long objects = cells.stream().mapToLong(c -> c.max(PostCost::puts)).max().orElse(0);
    int locales = dev.microblog.core.domain.SiteLocale.ALL.size();
    // Every object a post writes is a page in one of the locales: the budget holds per locale.
    System.out.printf(
        "objects per post per locale: at most %d (%d locales)%n",
        (objects + locales - 1) / locales, locales);
    System.out.printf(
        "RESULT max_objects_per_post=%d max_invalidation_paths=%d"
            + " max_wcu=%.2f p99_visible_ms=%d cost_usd_month=%.2f%s%n",
        objects,
        cells.stream().mapToLong(c -> c.max(PostCost::invalidationPaths)).max().orElse(0),
        cells.stream().mapToDouble(c -> c.maxOf(PostCost::unitsPerPost)).max().orElse(0),
        cells.stream().mapToLong(Cell::p99Visible).max().orElse(0),
        cells.stream().mapToDouble(Cell::monthlyUsd).max().orElse(0),
        skipped == 0 ? "" : " cells_not_measured=" + skipped);
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
  }
}
