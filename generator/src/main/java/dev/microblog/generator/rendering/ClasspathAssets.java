package dev.microblog.generator.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files under {@code assets/} on the classpath (site-templates' CSS and script), whether the
 * classpath holds folders (tests, an unpacked Lambda) or jars.
 */
final class ClasspathAssets {
  private static final String ROOT = "assets/";
  private static final String MARKER = "style.css";

  private static volatile Map<String, byte[]> loaded;

  private ClasspathAssets() {}

  /** The assets of this class's class path, read once: they cannot change while it runs. */
  static Map<String, byte[]> all() {
    if (loaded == null) {
      loaded = Collections.unmodifiableMap(load(ClasspathAssets.class.getClassLoader()));
    }
    return loaded;
  }

  /** File contents by name relative to {@code assets/} (e.g. "style.css"), in name order. */
  static Map<String, byte[]> load(ClassLoader loader) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      // Found through a file that is always there: a jar need not list its folders.
      for (URL marker : Collections.list(loader.getResources(ROOT + MARKER))) {
        switch (marker.getProtocol()) {
          case "file" -> fromFolder(Path.of(marker.toURI()).getParent(), files);
          case "jar" -> fromJar(marker, files);
          default -> throw new IllegalStateException("cannot list assets at " + marker);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no " + ROOT + MARKER + " on the class path");
    }
    return files;
  }

  private static void fromFolder(Path folder, Map<String, byte[]> files) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        files.putIfAbsent(name, Files.readAllBytes(file));
      }
    }
  }

  private static void fromJar(URL root, Map<String, byte[]> files) throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.isDirectory() && entry.getName().startsWith(ROOT)) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.putIfAbsent(entry.getName().substring(ROOT.length()), in.readAllBytes());
          }
        }
      }
    }
  }
}
