package dev.microblog.localstack.fullbuild;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.store.Store;
import dev.microblog.core.store.Table;
import dev.microblog.gateway.LocalDynamo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * A full build of the same generated site by our generator and by Hugo, alternately, each run into
 * a fresh folder and in its own process: time from start to exit, HTML files written, peak RSS. Our
 * build reads the table (dynalite behind the gateway, in memory, started here); Hugo reads the
 * content folder written here. Run by {@code bench/full-build}.
 */
public final class FullBuildBench {
  private static final long SEED = 20261201L;
  private static final Pattern STAGES =
      Pattern.compile("\\(load (\\d+) ms, plan (\\d+) ms, render\\+publish (\\d+) ms");

  private FullBuildBench() {}

  public static void main(String[] args) throws Exception {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int follows = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    String hugo = System.getProperty("bench.hugo", "hugo");
    List<String> childJvm =
        Arrays.stream(System.getProperty("bench.child.jvm", "").split(" "))
            .filter(s -> !s.isBlank())
            .toList();
    Path work = Files.createTempDirectory("full-build-");

    long t0 = System.nanoTime();
    BenchSite site = BenchSite.generate(posts, users, follows, SEED);
    System.err.printf(
        "generated %d posts by %d users (%d follows each) in %d ms%n",
        posts, users, follows, ms(t0));
    Path hugoSource = work.resolve("hugo-site");
    t0 = System.nanoTime();
    new HugoSite(site, HugoSite.Language.ALL).writeTo(hugoSource);
    System.err.printf("wrote the Hugo project in %d ms%n", ms(t0));

    try (LocalDynamo dynamo = LocalDynamo.startInMemory()) {
      String table = "fullbuild";
      DynamoDbClient client = AwsConfig.standIn("DYNAMODB", dynamo.endpoint()).dynamoDb();
      Store store = createTable(client, table);
      t0 = System.nanoTime();
      site.load(store);
      System.err.printf("loaded the table in %d ms%n", ms(t0));

      List<String> ours = new ArrayList<>();
      ours.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      ours.addAll(childJvm);
      List<String> program =
          List.of(
              "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
              "-Dorg.slf4j.simpleLogger.log.dev.microblog.generator.SiteBuilder=info",
              "-cp",
              jarsOnly(System.getProperty("java.class.path")),
              "dev.microblog.generator.SiteBuilder");
      if (Runtime.version().feature() >= 25) {
        // As infra/bin/rebuild does on its first run after a build: record the JVM's AOT cache
        // (classes loaded and linked, method profiles) on another, smaller site, untimed, as
        // Hugo's compiling is. Every timed run then starts from it.
        Path cache = work.resolve("generator.aot");
        t0 = System.nanoTime();
        train(client, dynamo.endpoint().toString(), cache, ours, program, work);
        System.err.printf(
            "recorded the JVM's AOT cache on a %d-post site in %d ms (not timed)%n",
            TRAINING_POSTS, ms(t0));
        ours.add("-XX:AOTCache=" + cache);
      }
      ours.addAll(program);
      if (Boolean.getBoolean("bench.serve")) {
        // For profiling by hand: the loaded table stays up until stdin closes.
        System.err.println(
            "MICROBLOG_ENDPOINT_DYNAMODB=" + dynamo.endpoint() + " MICROBLOG_TABLE=" + table);
        System.err.println(String.join(" ", ours));
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        return;
      }
      Map<String, String> env =
          Map.of(
              "MICROBLOG_ENDPOINT_DYNAMODB",
              dynamo.endpoint().toString(),
              "MICROBLOG_TABLE",
              table);

      List<ChildRun> mine = new ArrayList<>();
      List<ChildRun> theirs = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        Path out = work.resolve("ours-" + run);
        List<String> command = new ArrayList<>(ours);
        command.add(out.toString());
        ChildRun r = ChildRun.run(command, env, out, work.resolve("ours-" + run + ".log"));
        mine.add(r);
        Matcher stages = STAGES.matcher(r.log());
        System.err.printf(
            "ours run %d: %d html files in %d ms, peak RSS %d MB%s%n",
            run,
            r.htmlFiles(),
            r.millis(),
            r.peakRssKb() / 1024,
            stages.find()
                ? " [in-process: load "
                    + stages.group(1)
                    + " ms, plan "
                    + stages.group(2)
                    + " ms, render+publish "
                    + stages.group(3)
                    + " ms]"
                : "");

        Path hugoOut = work.resolve("hugo-" + run);
        ChildRun h =
            ChildRun.run(
                List.of(
                    hugo,
                    "--quiet",
                    "--source",
                    hugoSource.toString(),
                    "--destination",
                    hugoOut.toString(),
                    "--cacheDir",
                    work.resolve("hugo-cache-" + run).toString()),
                Map.of(),
                hugoOut,
                work.resolve("hugo-" + run + ".log"));
        theirs.add(h);
        System.err.printf(
            "hugo run %d: %d html files in %d ms, peak RSS %d MB%n",
            run, h.htmlFiles(), h.millis(), h.peakRssKb() / 1024);
      }
      long pages = median(mine, ChildRun::htmlFiles);
      long millis = median(mine, ChildRun::millis);
      long hugoPages = median(theirs, ChildRun::htmlFiles);
      long hugoMillis = median(theirs, ChildRun::millis);
      double ratio = ((double) pages / millis) / ((double) hugoPages / hugoMillis);
      System.err.println("outputs and logs in " + work);
      System.out.printf(
          "RESULT pages=%d ms=%d hugo_pages=%d hugo_ms=%d pages_per_s_ratio=%.2f rss_mb=%d"
              + " hugo_rss_mb=%d%n",
          pages,
          millis,
          hugoPages,
          hugoMillis,
          ratio,
          median(mine, ChildRun::peakRssKb) / 1024,
          median(theirs, ChildRun::peakRssKb) / 1024);
    }
  }

  private static final int TRAINING_POSTS = 1_000;

  /** Builds a small site of its own, other seed and table, recording the AOT cache as it goes. */
  private static void train(
      DynamoDbClient client,
      String endpoint,
      Path cache,
      List<String> jvm,
      List<String> program,
      Path work)
      throws Exception {
    String table = "training";
    BenchSite.generate(TRAINING_POSTS, TRAINING_POSTS / 10, 20, SEED + 1)
        .load(createTable(client, table));
    List<String> command = new ArrayList<>(jvm);
    command.add("-XX:AOTCacheOutput=" + cache);
    command.addAll(program);
    Path out = work.resolve("training");
    command.add(out.toString());
    ChildRun.run(
        command,
        Map.of("MICROBLOG_ENDPOINT_DYNAMODB", endpoint, "MICROBLOG_TABLE", table),
        out,
        work.resolve("training.log"));
  }

  /**
   * The production table without its stream: nothing listens here, and the gateway would read every
   * item before and after each write to record it (ten times slower loading).
   */
  private static Store createTable(DynamoDbClient client, String table) {
    client.createTable(
        Table.definition(table).toBuilder()
            .streamSpecification((StreamSpecification) null)
            .build());
    return Store.over(client, table);
  }

  /**
   * The class path's jars: what the generator needs (the bench's own classes are a folder), and
   * what an AOT cache accepts, as infra/bin/rebuild's single jar is.
   */
  private static String jarsOnly(String classPath) {
    return Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> !Files.isDirectory(Path.of(entry)))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static long median(List<ChildRun> runs, java.util.function.ToLongFunction<ChildRun> f) {
    long[] values = runs.stream().mapToLong(f).sorted().toArray();
    return values[(values.length - 1) / 2];
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
