package dev.microblog.localstack;

import dev.microblog.gateway.Faults;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the stack is started. The site gets {@code --port} (default 8080) and the other services the
 * next four ports: API +1, DynamoDB +2, S3 +3, SES +4. Port 0 gives every service a free port.
 *
 * @param dataDir where DynamoDB's and S3's data live; null keeps everything in memory
 * @param faults the DynamoDB faults to inject once the stack is up ({@link Faults#apply}); "" for
 *     none
 * @param s3Faults how the S3 stand-in misbehaves once the site is up ({@link S3Faults#apply}); ""
 *     for not at all
 */
public record Options(
    Path repo,
    Path dataDir,
    boolean reset,
    int sitePort,
    boolean demo,
    String faults,
    String s3Faults) {

  static final String USAGE =
      """
      Usage: infra/bin/run [--data DIR | --in-memory] [--reset] [--port N] [--no-demo]
                           [--faults SPEC] [--s3-faults SPEC]
        --data DIR    keep users, posts and pages in DIR (default <repo>/.local/data)
        --in-memory   keep nothing: every start is a fresh, empty site
        --reset       wipe the data directory first
        --port N      the site's port (default 8080); API, DynamoDB, S3 and SES take N+1..N+4;
                      0 picks free ports
        --no-demo     do not add the demo users and posts to an empty store
        --faults SPEC make DynamoDB misbehave as AWS can, once the demo data is in, e.g.
                      conflict=0.2,throttling=0.05,index-lag=500ms,reset=0.01,expired-iterator=0.1
                      (probabilities per request; also lagging-index, trimmed-records, seed=N)
        --s3-faults SPEC
                      once the site is up, make S3 fail as it does in AWS, e.g.
                      slow=0.2,slow-by=300ms,slow-down=0.1,reset=0.05 (rates from 0 to 1:
                      slow answers, 503 SlowDown, connections reset mid-upload; seed=N repeats)
      """;

  /** Without faults: the stack as it always was. */
  public Options(Path repo, Path dataDir, boolean reset, int sitePort, boolean demo) {
    this(repo, dataDir, reset, sitePort, demo, "", "");
  }

  /** Options for tests: everything in memory, on free ports. */
  public static Options inMemory(Path repo, boolean demo) {
    return new Options(repo, null, false, 0, demo);
  }

  public static Options parse(String[] args, Path repo) {
    Path data = repo.resolve(".local/data");
    boolean memory = false;
    boolean reset = false;
    boolean demo = true;
    int port = 8080;
    String faults = "";
    String s3Faults = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath();
        case "--in-memory" -> memory = true;
        case "--reset" -> reset = true;
        case "--no-demo" -> demo = false;
        case "--port" -> port = port(value(args, ++i, "--port"));
        case "--faults" -> faults = faults(value(args, ++i, "--faults"));
        case "--s3-faults" -> s3Faults = s3Faults(value(args, ++i, "--s3-faults"));
        case "-h", "--help" -> throw new IllegalArgumentException("");
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    return new Options(repo, memory ? null : data, reset, port, demo, faults, s3Faults);
  }

  /** Checked now, so a mistake stops the start with the usage instead of after it. */
  private static String s3Faults(String spec) {
    try {
      S3Faults.parse(spec);
      return spec;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--s3-faults: " + e.getMessage(), e);
    }
  }

  /** The spec as given, once it is known to parse: a typo stops the start, with the valid names. */
  private static String faults(String spec) {
    try {
      Faults.parse(spec);
      return spec;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--faults: " + e.getMessage(), e);
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65530) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port needs a number from 0 to 65530, not " + value);
    }
  }

  boolean inMemory() {
    return dataDir == null;
  }

  /** The port of the service {@code offset} places after the site's, or 0 for a free one. */
  int port(int offset) {
    return sitePort == 0 ? 0 : sitePort + offset;
  }

  Path nodeDir() {
    return repo.resolve("infra/node");
  }

  /** The repository around {@code from}: the nearest directory holding infra/node/supervise.js. */
  public static Path findRepo(Path from) {
    for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("infra/node/supervise.js"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "Cannot find the repository (infra/node/supervise.js) above " + from);
  }
}
