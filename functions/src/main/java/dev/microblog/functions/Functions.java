package dev.microblog.functions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * The write side of the microblog: every form of the site posts to one of these HTTP functions.
 *
 * <p>In AWS one Lambda function serves all of {@code /api/*} behind API Gateway (REST API, or HTTP
 * API with payload format 1.0 — 2.0 loses all but the first {@code Set-Cookie}). Its handler is
 * {@value #LAMBDA_HANDLER}. Locally the same controllers run on Micronaut's Netty server: see
 * {@link #start(Map)}.
 *
 * <p>Settings: see {@link Settings} (Micronaut properties, or the equivalent environment
 * variables).
 */
public final class Functions {
  /** The Lambda handler class for the SAM template. */
  public static final String LAMBDA_HANDLER =
      "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction";

  private Functions() {}

  /**
   * Starts the functions on a local HTTP server (needs {@code micronaut-http-server-netty} on the
   * classpath). Close the server's application context to stop it.
   *
   * @param properties e.g. {@code micronaut.server.port}, {@code microblog.table}, {@code
   *     microblog.endpoint.dynamodb}
   */
  public static EmbeddedServer start(Map<String, Object> properties) {
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }
}
