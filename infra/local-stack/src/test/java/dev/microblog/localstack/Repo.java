package dev.microblog.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is when tests run (Surefire passes it; else walk up from here). */
final class Repo {
  private Repo() {}

  static Path root() {
    String configured = System.getProperty("microblog.repo");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return Options.findRepo(Path.of("").toAbsolutePath());
  }

  static Path nodeDir() {
    Path dir = root().resolve("infra/node");
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      throw new IllegalStateException(
          dir.resolve("node_modules") + " is missing: run `npm ci` there (infra/bin/test does)");
    }
    return dir;
  }
}
