package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.localstack.S3Faults.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate's framing on the wire, with raw HTTP/1.1: what other clients than the SDK's may send
 * (chunked bodies, {@code Expect: 100-continue}) reaches S3Proxy intact, and a connection stays
 * usable for the next request.
 */
class S3FaultGateTest {
  static S3Server s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3Server.start(null, 0, "site");
  }

  @AfterAll
  static void stop() throws IOException {
    s3.close();
  }

  @AfterEach
  void noFaults() {
    s3.faults().clear();
  }

  Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", s3.endpoint().getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** One answer: its head and, by Content-Length, its body. */
  static String answer(InputStream in, boolean head) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    while (!raw.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return raw.toString(StandardCharsets.ISO_8859_1);
      }
      raw.write(b);
    }
    String text = raw.toString(StandardCharsets.ISO_8859_1);
    var length =
        text.lines()
            .filter(l -> l.toLowerCase().startsWith("content-length:"))
            .map(l -> Integer.parseInt(l.substring(15).strip()))
            .findFirst();
    if (!head && length.isPresent()) {
      text += new String(in.readNBytes(length.get()), StandardCharsets.UTF_8);
    }
    return text;
  }

  @Test
  void aRequestWithExpectContinueGets100ThenItsAnswer() throws Exception {
    try (Socket socket = connect()) {
      send(
          socket.getOutputStream(),
          "PUT /site/expect.txt HTTP/1.1\r\nHost: s3\r\nContent-Length: 5\r\n"
              + "Expect: 100-continue\r\n\r\n");
      assertThat(answer(socket.getInputStream(), true)).startsWith("HTTP/1.1 100");
      send(socket.getOutputStream(), "hello");

      assertThat(answer(socket.getInputStream(), false)).startsWith("HTTP/1.1 200");
      send(socket.getOutputStream(), "GET /site/expect.txt HTTP/1.1\r\nHost: s3\r\n\r\n");
      assertThat(answer(socket.getInputStream(), false))
          .startsWith("HTTP/1.1 200")
          .endsWith("hello");
    }
  }

  @Test
  void aThrottledRequestWithExpectContinueIsRefusedBeforeItsBody() throws Exception {
    s3.faults().next(Kind.SLOW_DOWN, 1);
    try (Socket socket = connect()) {
      send(
          socket.getOutputStream(),
          "PUT /site/refused.txt HTTP/1.1\r\nHost: s3\r\nContent-Length: 5\r\n"
              + "Expect: 100-continue\r\n\r\n");

      String answer = answer(socket.getInputStream(), false);
      assertThat(answer).startsWith("HTTP/1.1 503 Slow Down").contains("<Code>SlowDown</Code>");
      assertThat(answer).contains("Connection: close");
      assertThat(socket.getInputStream().read()).as("then the connection ends").isEqualTo(-1);
    }
    assertThat(s3.hasObject("refused.txt")).isFalse();
  }

  @Test
  void aChunkedBodyIsFramedWholeAndTheConnectionServesTheNextRequest() throws Exception {
    try (Socket socket = connect()) {
      s3.faults().next(Kind.SLOW_DOWN, 1);
      send(
          socket.getOutputStream(),
          "PUT /site/chunked.txt HTTP/1.1\r\nHost: s3\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
      assertThat(answer(socket.getInputStream(), false)).startsWith("HTTP/1.1 503");

      // The same connection: the whole chunked body was read, so this is a new request.
      send(socket.getOutputStream(), "HEAD /site/missing.txt HTTP/1.1\r\nHost: s3\r\n\r\n");
      assertThat(answer(socket.getInputStream(), true)).startsWith("HTTP/1.1 404");
      send(socket.getOutputStream(), "GET /site/ HTTP/1.1\r\nHost: s3\r\n\r\n");
      assertThat(answer(socket.getInputStream(), false))
          .startsWith("HTTP/1.1 200")
          .contains("Content-Type: application/xml");
    }
  }
}
