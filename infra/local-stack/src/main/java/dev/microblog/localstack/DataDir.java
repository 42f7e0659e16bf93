package dev.microblog.localstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** The stack's data directory. {@code --reset} removes only what the stack itself put there. */
final class DataDir {
  private static final List<String> OURS = List.of("dynamodb", "s3", "clean-stop");

  private DataDir() {}

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
