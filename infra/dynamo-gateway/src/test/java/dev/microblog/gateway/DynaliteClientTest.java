package dev.microblog.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the gateway sends dynalite again after an I/O error: only what is safe to repeat. A write
 * whose answer was lost may have been applied, so it is never sent twice.
 */
class DynaliteClientTest {
  @Test
  void aWriteWhoseAnswerWasLostIsNotSentAgain() throws Exception {
    try (FakeUpstream upstream = new FakeUpstream(false, Duration.ofSeconds(5));
        DynaliteClient client = new DynaliteClient(upstream.endpoint())) {
      assertThatThrownBy(() -> client.call("PutItem", Json.object()))
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> client.forward(incoming("UpdateItem")))
          .isInstanceOf(IOException.class);

      assertThat(upstream.targets())
          .containsExactly("DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem");
    }
  }

  @Test
  void aReadWhoseAnswerWasLostIsSentOnceMore() throws Exception {
    try (FakeUpstream upstream = new FakeUpstream(false, Duration.ofSeconds(5));
        DynaliteClient client = new DynaliteClient(upstream.endpoint())) {
      assertThatThrownBy(() -> client.call("GetItem", Json.object()))
          .isInstanceOf(IOException.class);

      assertThat(upstream.targets())
          .containsExactly("DynamoDB_20120810.GetItem", "DynamoDB_20120810.GetItem");
    }
  }

  @Test
  void writesShareAConnectionUntilItMayHaveBeenIdleTooLongThenUseAFreshOne() throws Exception {
    // Node closes a connection idle for 5 s; here the client's limit is 200 ms and the upstream
    // keeps connections for 2 s, so only the client's own rule can explain a fresh connection.
    try (FakeUpstream upstream = new FakeUpstream(true, Duration.ofSeconds(2));
        DynaliteClient client = new DynaliteClient(upstream.endpoint(), Duration.ofMillis(200))) {
      assertThat(client.call("PutItem", Json.object()).ok()).isTrue();
      assertThat(client.call("DeleteItem", Json.object()).ok()).isTrue();
      assertThat(upstream.connections()).isEqualTo(1);

      Thread.sleep(600);

      assertThat(client.call("PutItem", Json.object()).ok()).isTrue();
      assertThat(upstream.connections()).isEqualTo(2);
      assertThat(upstream.targets()).hasSize(3);
    }
  }

  private static Incoming incoming(String operation) {
    return new Incoming(
        "POST",
        "/",
        Map.of(
            "X-Amz-Target",
            List.of("DynamoDB_20120810." + operation),
            "Content-Type",
            List.of(Reply.CONTENT_TYPE)),
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An HTTP/1.1 server that reads each request whole and then either answers {} (keeping the
   * connection for the idle time) or closes the connection without a word.
   */
  private static final class FakeUpstream implements AutoCloseable {
    private final ServerSocket server;
    private final boolean answer;
    private final Duration idle;
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    FakeUpstream(boolean answer, Duration idle) throws IOException {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.answer = answer;
      this.idle = idle;
      Thread.ofVirtual().start(this::accept);
    }

    URI endpoint() {
      return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    List<String> targets() {
      return List.copyOf(targets);
    }

    int connections() {
      return connections.get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          connections.incrementAndGet();
          Thread.ofVirtual().start(() -> serve(socket));
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void serve(Socket socket) {
      try (socket) {
        socket.setSoTimeout((int) idle.toMillis());
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (true) {
          int length = -1;
          String target = null;
          String line;
          while (!(line = readLine(in)).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).strip());
            } else if (lower.startsWith("x-amz-target:")) {
              target = line.substring(13).strip();
            }
          }
          in.readNBytes(Math.max(0, length));
          targets.add(target);
          if (!answer) {
            return; // the request was read: it may have been acted on, and no answer comes
          }
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                      + "Content-Length: 2\r\n\r\n{}")
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (SocketTimeoutException | EndOfRequests e) {
        // idle too long, or the client went away: close, as Node does
      } catch (IOException e) {
        // the client went away
      }
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new EndOfRequests();
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static final class EndOfRequests extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
