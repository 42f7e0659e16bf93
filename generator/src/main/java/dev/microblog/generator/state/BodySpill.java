package dev.microblog.generator.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Post bodies set aside in a temporary file while the table is scanned, to be read back by place:
 * the bodies a rebuild will show again (timelines show each post up to once per follower) stay out
 * of the heap and are not read from the table a second time. The file is deleted on close.
 */
final class BodySpill implements AutoCloseable {
  /** Where a body was put: its first byte and how many bytes. */
  record Place(long offset, int length) {}

  private final Path file;
  private OutputStream out;
  private long written;
  private FileChannel in;

  BodySpill() {
    try {
      file = Files.createTempFile("rebuild-bodies-", ".txt");
      file.toFile().deleteOnExit();
      out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set post bodies aside", e);
    }
  }

  /** Called from the scan's threads at once. */
  synchronized Place put(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set post bodies aside", e);
    }
    Place place = new Place(written, bytes.length);
    written += bytes.length;
    return place;
  }

  /** Once every body is put: from now on they are only read, from any thread. */
  synchronized void seal() {
    try {
      out.close();
      in = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read post bodies back", e);
    }
  }

  String get(long offset, int length) {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try {
      while (buffer.hasRemaining()) {
        if (in.read(buffer, offset + buffer.position()) < 0) {
          throw new IOException("post bodies file ends early");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read post bodies back", e);
    }
    return new String(buffer.array(), StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    try {
      if (in != null) {
        in.close();
      } else {
        out.close();
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the post bodies file", e);
    }
  }
}
