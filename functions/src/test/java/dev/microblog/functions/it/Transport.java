package dev.microblog.functions.it;

import dev.microblog.functions.it.Browser.Reply;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * How a {@link Browser}'s requests reach the functions: over a socket to the local Netty server, or
 * as the events API Gateway hands the Lambda handler. The {@code it} tests run both ways (see
 * functions/pom.xml), so the local server and AWS cannot drift apart unnoticed.
 */
public interface Transport {
  /**
   * The system property that picks the transport for a test run: {@code netty} or {@code lambda}.
   */
  String PROPERTY = "microblog.test.transport";

  static boolean lambda() {
    return "lambda".equals(System.getProperty(PROPERTY, "netty"));
  }

  /** Where the functions are, as the browser addresses them. */
  URI base();

  Reply send(HttpRequest request);
}
