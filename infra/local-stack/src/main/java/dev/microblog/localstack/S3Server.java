package dev.microblog.localstack;

import dev.microblog.core.config.AwsConfig;
import dev.microblog.generator.Generator;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 stand-in: S3Proxy in this JVM, speaking the S3 REST API on its own port. On disk it keeps
 * each object as a file and its Content-Type, Cache-Control and user metadata in the file's
 * extended attributes (ext4 and most Linux filesystems support user xattrs); in memory it keeps
 * everything on an in-memory filesystem.
 *
 * <p>Clients reach it through {@link S3FaultGate}, which can make it fail the way real S3 does
 * ({@link #faults()}); with no faults set every request passes unchanged.
 */
public final class S3Server implements AutoCloseable {
  private final S3Proxy proxy;
  private final S3FaultGate gate;
  private final S3Faults faults;
  private final BlobStore store;
  private final String bucket;

  private S3Server(
      S3Proxy proxy, S3FaultGate gate, S3Faults faults, BlobStore store, String bucket) {
    this.proxy = proxy;
    this.gate = gate;
    this.faults = faults;
    this.store = store;
    this.bucket = bucket;
  }

  /**
   * Starts S3Proxy on {@code port} (0 picks a free one) and creates {@code bucket} if needed.
   *
   * @param dataDir where objects live, or null to keep them in memory
   */
  public static S3Server start(Path dataDir, int port, String bucket) throws Exception {
    BlobStore store;
    if (dataDir == null) {
      store = new TransientNio2BlobStore();
    } else {
      Files.createDirectories(dataDir);
      requireUserXattrs(dataDir);
      store = new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
    }
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new ConditionalBlobStore(store))
            .endpoint(URI.create("http://127.0.0.1:0")) // only the gate talks to it
            .awsAuthentication(AuthenticationType.NONE, null, null)
            .ignoreUnknownHeaders(true)
            .stopTimeout(0) // Jetty would otherwise wait 2 s for idle connections
            .build();
    proxy.start(); // Jetty's start returns once the port is bound
    S3Faults faults = new S3Faults();
    S3FaultGate gate;
    try {
      gate = S3FaultGate.start(port, proxy.getPort(), faults);
    } catch (IOException e) {
      proxy.stop();
      throw e;
    }
    if (!store.containerExists(bucket)) {
      store.createContainer(bucket);
    }
    return new S3Server(proxy, gate, faults, store, bucket);
  }

  /** Objects would lose their Content-Type and Cache-Control without user xattrs: say so now. */
  private static void requireUserXattrs(Path dir) throws IOException {
    Path probe = Files.createTempFile(dir, ".xattr-probe", "");
    try {
      var view = Files.getFileAttributeView(probe, UserDefinedFileAttributeView.class);
      if (view == null) {
        throw new IOException("no user attribute view");
      }
      view.write("microblog.probe", ByteBuffer.wrap(new byte[] {1}));
    } catch (IOException | UnsupportedOperationException e) {
      throw new IOException(
          "The filesystem under "
              + dir
              + " does not keep user extended attributes, where S3Proxy stores each object's"
              + " Content-Type and Cache-Control. Use --data on another filesystem (ext4, xfs,"
              + " btrfs) or --in-memory.",
          e);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + gate.port());
  }

  /** What this server does wrong, from now on; nothing until told. */
  public S3Faults faults() {
    return faults;
  }

  public String bucket() {
    return bucket;
  }

  public boolean hasObject(String key) {
    return store.blobExists(bucket, key);
  }

  /** A client for this server; S3Proxy only understands path-style bucket addressing. */
  public S3Client client() {
    return Generator.s3(AwsConfig.standIn("S3", endpoint()));
  }

  @Override
  public void close() throws IOException {
    gate.close();
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IOException("S3Proxy did not stop", e);
    }
  }
}
