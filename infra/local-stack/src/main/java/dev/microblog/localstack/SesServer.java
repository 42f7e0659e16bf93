package dev.microblog.localstack;

import dev.microblog.gateway.NodeChild;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SES stand-in: {@code aws-ses-v2-local} (SES v1 and v2 APIs) as a supervised Node child. Sent
 * mail can be read at {@code GET /store} (JSON) and in the web mailbox at its root.
 */
public final class SesServer implements AutoCloseable {
  private static final Pattern RUNNING = Pattern.compile("server running at https?://[^:]+:(\\d+)");

  private final NodeChild child;
  private final int port;

  private SesServer(NodeChild child, int port) {
    this.child = child;
    this.port = port;
  }

  /**
   * @param nodeDir infra/node (supervise.js and node_modules)
   * @param port 0 lets the server pick; it reports the port it took
   */
  public static SesServer start(Path nodeDir, int port) throws IOException {
    var started =
        NodeChild.start(
            "ses",
            nodeDir,
            "aws-ses-v2-local/dist/cli.js",
            List.of("--host", "127.0.0.1", "--port", Integer.toString(port)),
            line -> {
              Matcher m = RUNNING.matcher(line);
              return m.find() ? Integer.parseInt(m.group(1)) : null;
            },
            Duration.ofSeconds(20));
    return new SesServer(started.child(), started.value());
  }

  /** Where the SES API listens: the SDK's endpoint override. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The web mailbox people open to read the mail the site sent. */
  public URI mailbox() {
    return URI.create("http://localhost:" + port + "/");
  }

  long pid() {
    return child.pid();
  }

  @Override
  public void close() {
    child.close();
  }
}
