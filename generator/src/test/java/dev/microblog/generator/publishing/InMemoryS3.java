package dev.microblog.generator.publishing;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.generator.Generator;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy in this JVM, in memory: a real S3 API server for tests, a fresh bucket per test. */
public final class InMemoryS3 implements AutoCloseable {
  private final S3Proxy server;
  private final S3Client client;
  private final AtomicInteger buckets = new AtomicInteger();

  private InMemoryS3(S3Proxy server, S3Client client) {
    this.server = server;
    this.client = client;
  }

  public static InMemoryS3 start() throws Exception {
    S3Proxy server =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .build();
    server.start();
    S3Client client =
        Generator.s3(AwsConfig.standIn("S3", URI.create("http://127.0.0.1:" + server.getPort())));
    return new InMemoryS3(server, client);
  }

  /** Where the server listens: MICROBLOG_ENDPOINT_S3 for a generator wired from settings. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  /** The generator's own client for this server. */
  public S3Client client() {
    return client;
  }

  /** A new, empty bucket whose name starts with {@code prefix}. */
  public String freshBucket(String prefix) {
    String bucket = prefix + buckets.incrementAndGet();
    client.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  @Override
  public void close() throws Exception {
    client.close();
    server.stop();
  }
}
