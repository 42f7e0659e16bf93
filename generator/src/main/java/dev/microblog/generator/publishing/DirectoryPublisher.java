package dev.microblog.generator.publishing;

import dev.microblog.generator.rendering.Page;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Publishes into a folder, laid out as the bucket is: the site can be served by any static host,
 * and a full build can be timed against other generators that write to disk. A folder keeps no
 * headers; the host decides them from the file names.
 *
 * <p>A folder has one writer at a time (a full build, or a local export): it takes no part in the
 * conditional writes that keep racing stream batches apart in S3, and ignores what was {@link
 * #read}. Do not point concurrent generators at one folder.
 */
public final class DirectoryPublisher implements Publisher {
  private static final String TEMP_PREFIX = ".publish-";

  private final Path root;

  public DirectoryPublisher(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public Seen read(String key) {
    return Files.isRegularFile(file(key))
        ? new Seen(key, "file", null, null, null)
        : Seen.absent(key);
  }

  @Override
  public Outcome publish(Page page, Seen ignored) {
    Path file = file(page.key());
    try {
      boolean existed = Files.isRegularFile(file);
      if (existed && Arrays.equals(Files.readAllBytes(file), page.body())) {
        return Outcome.UNCHANGED;
      }
      Path dir = file.getParent();
      Path temp;
      try {
        temp = writeTemp(dir, page.body());
      } catch (NoSuchFileException noFolder) {
        // Make folders only when missing: asking for each page costs system calls, and a set of
        // folders made would grow with the site.
        Files.createDirectories(dir);
        temp = writeTemp(dir, page.body());
      }
      // Readers of the folder never see half a page.
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return existed ? Outcome.UPDATED : Outcome.CREATED;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + file, e);
    }
  }

  /**
   * Writes a new temporary file next to where the page goes, opening it once (a full build writes
   * tens of thousands of files, and each system call counts).
   */
  private static Path writeTemp(Path dir, byte[] body) throws IOException {
    while (true) {
      Path temp =
          dir.resolve(
              TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try (OutputStream out =
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(body);
        return temp;
      } catch (FileAlreadyExistsException taken) {
        // another writer drew the same name: draw again
      }
    }
  }

  @Override
  public boolean delete(Seen seen) {
    Path file = file(seen.key());
    try {
      if (!Files.deleteIfExists(file)) {
        return false;
      }
      for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
        try {
          Files.delete(dir); // prune folders the deletion emptied
        } catch (DirectoryNotEmptyException e) {
          break;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  @Override
  public List<String> keys(String prefix) {
    Path start = file(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "");
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(start)) {
      return files
          .filter(
              f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith(TEMP_PREFIX))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(k -> k.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + start, e);
    }
  }

  private Path file(String key) {
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("key outside the folder: " + key);
    }
    return file;
  }
}
