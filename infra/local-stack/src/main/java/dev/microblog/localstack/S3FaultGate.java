package dev.microblog.localstack;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 stand-in's front door: an HTTP/1.1-aware relay in front of S3Proxy that passes every
 * request through unchanged unless {@link S3Faults} says otherwise. It sits on the wire rather than
 * inside S3Proxy because the faults are wire events: S3Proxy's error codes have no {@code SlowDown}
 * and a blob store cannot drop a connection, while here the SDK sees exactly the status line,
 * headers and XML body S3 sends, or a socket reset mid-upload, and nothing reaches the store.
 *
 * <p>One upstream connection per client connection; responses are copied back byte for byte.
 * Clients do not pipeline (the SDK's HTTP clients send a request after reading the previous
 * answer), so a request boundary is the only place the relay needs to understand.
 */
final class S3FaultGate implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(S3FaultGate.class);
  private static final int MAX_HEAD = 64 * 1024;

  /** HTTP's date format (IMF-fixdate): always two-digit days, unlike RFC_1123_DATE_TIME. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private final ServerSocket server;
  private final int upstreamPort;
  private final S3Faults faults;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private S3FaultGate(ServerSocket server, int upstreamPort, S3Faults faults) {
    this.server = server;
    this.upstreamPort = upstreamPort;
    this.faults = faults;
  }

  /** Listens on 127.0.0.1:{@code port} (0 picks one) and relays to 127.0.0.1:{@code upstream}. */
  static S3FaultGate start(int port, int upstreamPort, S3Faults faults) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    S3FaultGate gate = new S3FaultGate(server, upstreamPort, faults);
    Thread.ofPlatform().daemon().name("s3-gate-accept").start(gate::acceptLoop);
    return gate;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        Thread.ofVirtual().name("s3-gate").start(() -> serve(client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          log.warn("S3 stand-in: accept failed", e);
        }
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = new Socket();
    try (client;
        upstream) {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
      open.add(upstream);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      OutputStream toStore = new BufferedOutputStream(upstream.getOutputStream());
      Thread.ofVirtual().name("s3-gate-answers").start(() -> copyAnswers(upstream, client));
      RequestHead head;
      while ((head = RequestHead.read(in)) != null) {
        S3Faults.Decision fault = faults.decide(head.hasBody());
        if (fault.slow()) {
          log.debug("S3 fault: SLOW {} {} by {}", head.method(), head.target(), fault.delay());
          Thread.sleep(fault.delay());
        }
        if (fault.slowDown()) {
          log.info("S3 fault: 503 SlowDown for {} {}", head.method(), head.target());
          if (head.expectsContinue()) {
            // The client waits to send the body; refuse it and end the connection, as RFC 9110
            // lets a server that answers before reading the body.
            writeSlowDown(out, head, true);
            return;
          }
          head.skipBody(in);
          writeSlowDown(out, head, false);
          continue;
        }
        if (fault.reset()) {
          log.info("S3 fault: connection reset mid-upload of {} {}", head.method(), head.target());
          if (head.expectsContinue()) {
            write(out, "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          head.readPartOfBody(in);
          client.setSoLinger(true, 0); // RST, not FIN: the way a dropped connection looks
          return;
        }
        if (head.expectsContinue()) {
          // Answered here so the body is always on its way before S3Proxy sees the request.
          write(out, "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        toStore.write(head.bytesWithoutExpect());
        head.copyBody(in, toStore);
        toStore.flush();
      }
      // The client closed between requests: its last answer was read, nothing is in flight.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("S3 stand-in connection ended: {}", e.toString());
    } finally {
      open.remove(client);
      open.remove(upstream);
    }
  }

  /** S3Proxy's answers, byte for byte; when it closes, the client's connection closes too. */
  private void copyAnswers(Socket upstream, Socket client) {
    byte[] buffer = new byte[64 * 1024];
    try {
      InputStream from = upstream.getInputStream();
      OutputStream to = client.getOutputStream();
      int n;
      while ((n = from.read(buffer)) > 0) {
        synchronized (to) {
          to.write(buffer, 0, n);
          to.flush();
        }
      }
    } catch (IOException e) {
      // either side went away
    } finally {
      try {
        client.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  /** The answer S3 gives when it throttles: 503 Slow Down with its XML error document. */
  static byte[] slowDown(String method, String resource, boolean close) {
    String requestId = HexFormat.of().formatHex(randomBytes(8)).toUpperCase(Locale.ROOT);
    String hostId = Base64.getEncoder().encodeToString(randomBytes(48));
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"
            + "<Resource>"
            + xml(resource)
            + "</Resource><RequestId>"
            + requestId
            + "</RequestId><HostId>"
            + hostId
            + "</HostId></Error>";
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    boolean head = "HEAD".equals(method); // a HEAD answer never has a body
    StringBuilder h = new StringBuilder("HTTP/1.1 503 Slow Down\r\n");
    h.append("x-amz-request-id: ").append(requestId).append("\r\n");
    h.append("x-amz-id-2: ").append(hostId).append("\r\n");
    h.append("Content-Type: application/xml\r\n");
    h.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
    h.append("Server: AmazonS3\r\n");
    if (!head) {
      h.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
    }
    if (close) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    answer.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!head) {
      answer.writeBytes(bodyBytes);
    }
    return answer.toByteArray();
  }

  private static void writeSlowDown(OutputStream out, RequestHead head, boolean close)
      throws IOException {
    write(out, slowDown(head.method(), head.path(), close));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : List.copyOf(open)) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** A request's line and headers, and how its body is framed. */
  record RequestHead(
      String method, String target, List<String> lines, long contentLength, boolean chunked) {

    /** The next request's head, or null when the client closed the connection between requests. */
    static RequestHead read(InputStream in) throws IOException {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          if (raw.size() == 0) {
            return null;
          }
          throw new EOFException("connection closed inside a request head");
        }
        raw.write(b);
        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        if (raw.size() > MAX_HEAD) {
          throw new IOException("request head over " + MAX_HEAD + " bytes");
        }
      }
      String text = raw.toString(StandardCharsets.ISO_8859_1);
      List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
      String[] requestLine = lines.getFirst().split(" ");
      if (requestLine.length < 3) {
        throw new IOException("not an HTTP request: " + lines.getFirst());
      }
      long length = 0;
      boolean chunked = false;
      for (String line : lines.subList(1, lines.size())) {
        String name = name(line);
        String value = line.substring(line.indexOf(':') + 1).strip();
        if (name.equals("content-length")) {
          length = Long.parseLong(value);
        } else if (name.equals("transfer-encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        }
      }
      return new RequestHead(requestLine[0], requestLine[1], lines, length, chunked);
    }

    private static String name(String line) {
      int colon = line.indexOf(':');
      return colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    }

    boolean hasBody() {
      return chunked || contentLength > 0;
    }

    String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    boolean expectsContinue() {
      return hasBody()
          && lines.stream()
              .anyMatch(
                  l ->
                      name(l).equals("expect")
                          && l.toLowerCase(Locale.ROOT).contains("100-continue"));
    }

    byte[] bytesWithoutExpect() {
      StringBuilder out = new StringBuilder();
      for (String line : lines) {
        if (!name(line).equals("expect")) {
          out.append(line).append("\r\n");
        }
      }
      return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    void copyBody(InputStream in, OutputStream out) throws IOException {
      if (chunked) {
        copyChunked(in, out);
      } else {
        copy(in, out, contentLength);
      }
    }

    void skipBody(InputStream in) throws IOException {
      copyBody(in, OutputStream.nullOutputStream());
    }

    /** Reads about half of the body (at least a byte), as a connection that breaks mid-upload. */
    void readPartOfBody(InputStream in) throws IOException {
      copy(in, OutputStream.nullOutputStream(), chunked ? 1 : Math.max(1, contentLength / 2));
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      long left = n;
      while (left > 0) {
        int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (r < 0) {
          throw new EOFException("connection closed inside a request body");
        }
        out.write(buffer, 0, r);
        left -= r;
      }
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
      while (true) {
        String sizeLine = line(in, out);
        int semicolon = sizeLine.indexOf(';');
        long size =
            Long.parseLong(
                (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
        if (size == 0) {
          String trailer;
          do {
            trailer = line(in, out);
          } while (!trailer.isEmpty());
          return;
        }
        copy(in, out, size + 2); // the data and its CRLF
      }
    }

    /** One CRLF-ended line, copied to {@code out}; returned without the CRLF. */
    private static String line(InputStream in, OutputStream out) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        out.write(b);
        if (b == '\n') {
          String s = line.toString(StandardCharsets.ISO_8859_1);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        line.write(b);
      }
      throw new EOFException("connection closed inside a chunked body");
    }
  }

  @Override
  public String toString() {
    return "S3 fault gate on " + port();
  }
}
