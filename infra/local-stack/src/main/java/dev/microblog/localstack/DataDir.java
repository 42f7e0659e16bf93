package dev.microblog.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** The stack's data directory. {@code --reset} removes only what the stack itself put there. */
final class DataDir {
  // "clean-stop" is a marker older versions left there.
  private static final List<String> OURS = List.of("dynamodb", "s3", "clean-stop");

  private DataDir() {}

  /** Another stack holds the directory: two would corrupt each other's DynamoDB and S3 files. */
  static final class InUse extends IOException {
    InUse(Path dir) {
      super(
          "another local stack is using "
              + dir
              + ". Stop it first, or start this one with --data DIR or --in-memory.");
    }
  }

  /** Claims the directory for this process until the returned lock is closed. */
  static AutoCloseable lock(Path dir) throws IOException {
    FileChannel channel =
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM already (a test starting a second stack on the same dir)
    }
    if (lock == null) {
      channel.close();
      throw new InUse(dir);
    }
    FileLock held = lock;
    return () -> {
      held.release();
      channel.close();
    };
  }

  static void wipe(Path dir) throws IOException {
    for (String name : OURS) {
      Path path = dir.resolve(name);
      if (Files.exists(path)) {
        deleteTree(path);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
