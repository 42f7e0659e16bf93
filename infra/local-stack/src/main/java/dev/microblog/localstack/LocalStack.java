package dev.microblog.localstack;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.core.store.Store;
import dev.microblog.functions.Functions;
import dev.microblog.gateway.LocalDynamo;
import dev.microblog.generator.BatchReport;
import dev.microblog.generator.Generator;
import dev.microblog.generator.GeneratorSettings;
import dev.microblog.generator.Numbering;
import dev.microblog.generator.StreamFilter;
import dev.microblog.generator.publishing.Invalidator;
import dev.microblog.generator.publishing.S3Publisher;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole site on one machine, no Docker: DynamoDB (dynalite + our gateway), S3 (S3Proxy), SES
 * (aws-ses-v2-local), the functions on a local HTTP server, the generator fed by a stream poller,
 * and the CDN stand-in in front. Closing it stops every part and leaves no process behind.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  /**
   * Posts get their explore numbers 2 s after their write, in 1 s steps: a local write has no 30 s
   * function timeout to wait out (AWS: {@link Numbering.Timing#AWS}).
   */
  static final Numbering.Timing NUMBERING =
      new Numbering.Timing(Duration.ofSeconds(2), Duration.ofSeconds(1));

  public static final String TABLE = "microblog";
  public static final String BUCKET = "site";

  private final Options options;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private LocalDynamo dynamo;
  private S3Server s3;
  private SesServer ses;
  private Cdn cdn;
  private EmbeddedServer functions;
  private StreamPoller poller;
  private Generator generator;
  private DynamoDbClient dynamoClient;
  private DynamoDbStreamsClient streams;
  private S3Client s3Client;
  private Store store;
  private boolean seeded;
  private boolean repaired;

  private LocalStack(Options options) {
    this.options = options;
  }

  /** Starts every part; if one fails, stops those already started. */
  public static LocalStack start(Options options) throws Exception {
    LocalStack stack = new LocalStack(options);
    try {
      stack.startParts();
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startParts() throws Exception {
    Path data = options.dataDir();
    if (data != null) {
      Files.createDirectories(data);
      keep(DataDir.lock(data)); // before --reset: never wipe what another stack is using
      if (options.reset()) {
        DataDir.wipe(data);
      }
    }

    Timings timings = new Timings();
    dynamo =
        keep(
            LocalDynamo.start(
                options.nodeDir().resolve("node_modules"), sub("dynamodb"), options.port(2)));
    timings.lap("DynamoDB");
    s3 = keep(S3Server.start(sub("s3"), options.port(3), BUCKET));
    timings.lap("S3");
    ses = keep(SesServer.start(options.nodeDir(), options.port(4)));
    timings.lap("SES");

    AwsConfig dynamoConfig = AwsConfig.standIn("DYNAMODB", dynamo.endpoint());
    dynamoClient = keep(dynamoConfig.dynamoDb());
    streams = keep(dynamoConfig.dynamoDbStreams());
    s3Client = keep(s3.client());
    store = Store.over(dynamoClient, TABLE);
    store.table().createIfMissing();
    timings.lap("table");

    cdn = keep(Cdn.start(options.sitePort(), s3Client, BUCKET));
    functions = Functions.start(functionProperties());
    running.push(functions::stop);
    cdn.routeApiTo(functions.getURI());
    timings.lap("functions");

    // The CDN stand-in is the distribution: invalidations go straight to it (and it records them).
    Invalidator toCdn =
        paths -> {
          if (!paths.isEmpty()) {
            cdn.invalidate(paths);
          }
        };
    generator =
        Generator.create(
                store, new S3Publisher(s3Client, BUCKET), toCdn, Clock.systemUTC(), NUMBERING)
            .servedAt(siteAddress(options));
    // Every start checks every object against the table and rewrites only what is missing or
    // stale: whatever happened to the bucket or the stream while the stack was down is repaired.
    BatchReport check = generator.builder().rebuildAll();
    repaired = check.written() + check.deleted() > 0;
    timings.lap("full build");
    poller = keep(startPoller(ShardIteratorType.TRIM_HORIZON));
    keep(NumberingTicks.every(NUMBERING.step(), generator::numberDue));

    if (options.demo() && store.users().allUsernames().isEmpty()) {
      DemoData.seed(new SiteClient(cdn.url()));
      seeded = true;
    }
    awaitPagesCurrent(Duration.ofSeconds(60));
    timings.lap(seeded ? "demo data" : "stream");
    // Only now: seeding and the first pages go unfaulted, then the stand-ins fail as AWS can.
    if (!options.faults().isBlank()) {
      dynamo.faults().apply(options.faults());
      log.info("DynamoDB faults on: {}", options.faults());
    }
    if (!options.s3Faults().isBlank()) {
      s3.faults().apply(options.s3Faults());
      log.info("S3 faults on: {}", options.s3Faults());
    }
    log.info("Local stack up in {}", timings);
  }

  private StreamPoller startPoller(ShardIteratorType from) {
    return StreamPoller.start(
        dynamoClient,
        streams,
        TABLE,
        generator.handler(),
        StreamPoller.Settings.defaults().withFilter(EventFilter.of(StreamFilter.PATTERNS)),
        this::rebuildAfterLostRecords,
        from);
  }

  /** A bulk load for {@link #writeUnrendered}: writes into the table through {@code dynamo}. */
  @FunctionalInterface
  public interface Load<T> {
    T into(DynamoDbClient dynamo) throws Exception;
  }

  /**
   * For benchmarks: runs {@code load}, which writes straight into the table, without the generator
   * rendering what it wrote. The poller stops once the pages are current, and a new one reads on
   * from the stream's end after the load, so the load needs no stream records: it gets a client of
   * dynalite itself ({@link LocalDynamo#unrecordedEndpoint}), which writes a batch about three
   * times as fast as the gateway. Nothing else writes meanwhile (the functions are idle between
   * posts). The pages the load would change stay as they were until a later write renders them.
   */
  public <T> T writeUnrendered(Load<T> load) throws Exception {
    awaitPagesCurrent(Duration.ofSeconds(60));
    running.remove(poller);
    poller.close();
    try (DynamoDbClient unrecorded =
        AwsConfig.standIn("DYNAMODB", dynamo.unrecordedEndpoint()).dynamoDb()) {
      return load.into(unrecorded);
    } finally {
      poller = keep(startPoller(ShardIteratorType.LATEST));
    }
  }

  /** Lambda would skip trimmed records silently; here the whole site is rendered again instead. */
  private void rebuildAfterLostRecords() {
    log.warn("Stream records were trimmed before they were read: rendering the whole site again");
    generator.builder().rebuildAll();
  }

  private Map<String, Object> functionProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    int apiPort = options.port(1);
    p.put("micronaut.server.port", apiPort == 0 ? -1 : apiPort);
    p.put("micronaut.server.host", "127.0.0.1");
    p.put("microblog.table", TABLE);
    p.put("microblog.endpoint.dynamodb", dynamo.endpoint().toString());
    p.put("microblog.endpoint.ses", ses.endpoint().toString());
    p.put("aws.region", "us-east-1");
    String site = cdn.url().toString();
    p.put("microblog.site-origins", site + "," + site.replace("localhost", "127.0.0.1"));
    p.put("microblog.cookies.secure", false);
    return p;
  }

  private Path sub(String name) {
    return options.dataDir() == null ? null : options.dataDir().resolve(name);
  }

  private <T extends AutoCloseable> T keep(T part) {
    running.push(part);
    return part;
  }

  /** Waits until every write so far has reached the bucket (the poller has caught up). */
  public boolean awaitPagesCurrent(Duration timeout) throws InterruptedException {
    return poller.awaitIdle(timeout);
  }

  /**
   * Where feeds and sitemaps say the site is. A stack on a port picked at random (tests) names the
   * default address instead, so that a restart, on another port, renders the same bytes.
   */
  private String siteAddress(Options options) {
    return options.sitePort() == 0 ? GeneratorSettings.LOCAL_SITE_URL : cdn.url().toString();
  }

  public URI siteUrl() {
    return cdn.url();
  }

  public URI apiUrl() {
    return functions.getURI();
  }

  public URI mailbox() {
    return ses.mailbox();
  }

  public URI sesEndpoint() {
    return ses.endpoint();
  }

  public URI dynamoEndpoint() {
    return dynamo.endpoint();
  }

  /** The local DynamoDB: its {@code faults()} and {@code trimStreams()}, for tests. */
  public LocalDynamo dynamo() {
    return dynamo;
  }

  public URI s3Endpoint() {
    return s3.endpoint();
  }

  /** What the S3 stand-in does wrong; nothing unless {@code --s3-faults} or a test says so. */
  public S3Faults s3Faults() {
    return s3.faults();
  }

  public Cdn cdn() {
    return cdn;
  }

  public Store store() {
    return store;
  }

  public Generator generator() {
    return generator;
  }

  public StreamPoller poller() {
    return poller;
  }

  /** A client of the local table, for benchmarks that load data straight into it. */
  public DynamoDbClient dynamoClient() {
    return dynamoClient;
  }

  public S3Client s3Client() {
    return s3Client;
  }

  public boolean seededDemo() {
    return seeded;
  }

  /** Whether this start found objects missing or stale in the bucket, and rewrote them. */
  public boolean repairedOnStart() {
    return repaired;
  }

  @Override
  public void close() {
    try {
      if (poller != null && functions != null) {
        awaitPagesCurrentAfterStop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    while (!running.isEmpty()) {
      AutoCloseable part = running.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed", part, e);
      }
    }
  }

  /** No new writes once the functions stop; then whatever the poller has left is the last. */
  private boolean awaitPagesCurrentAfterStop() throws InterruptedException {
    functions.stop();
    return poller.awaitIdle(Duration.ofSeconds(5));
  }

  public static void main(String[] args) {
    Path repo = Options.findRepo(Path.of(System.getProperty("microblog.repo", ".")));
    Options options;
    try {
      options = Options.parse(args, repo);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.print(Options.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    LocalStack stack;
    try {
      stack = start(options);
    } catch (Exception e) {
      if (portTaken(e)) {
        int site = options.sitePort();
        System.err.printf(
            "error: a port the stack needs is taken (site %d, API %d, DynamoDB %d, S3 %d, SES %d)."
                + "%nIs another copy running? Stop it, or start with --port N (--port 0 picks free"
                + " ports).%n",
            site, site + 1, site + 2, site + 3, site + 4);
      } else if (e instanceof DataDir.InUse) {
        System.err.println("error: " + e.getMessage());
      } else {
        log.error("The local stack did not start: {}", e.getMessage(), e);
      }
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping the local stack…");
                  stack.close();
                  System.out.println("Stopped.");
                },
                "local-stack-stop"));
    System.out.println(Banner.text(stack, options));
  }

  private static boolean portTaken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException
          || String.valueOf(t.getMessage()).contains("EADDRINUSE")
          || String.valueOf(t.getMessage()).contains("port in use")) {
        return true;
      }
    }
    return false;
  }
}
