package dev.microblog.generator.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathAssetsTest {
  @TempDir Path dir;

  @Test
  void assets_are_found_in_a_folder_on_the_class_path() throws IOException {
    Path root = dir.resolve("classes");
    Files.createDirectories(root.resolve("assets/img"));
    Files.writeString(root.resolve("assets/style.css"), "body{}");
    Files.writeString(root.resolve("assets/img/logo.svg"), "<svg/>");

    Map<String, byte[]> assets = load(root);

    assertThat(assets).containsOnlyKeys("style.css", "img/logo.svg");
    assertThat(new String(assets.get("img/logo.svg"), StandardCharsets.UTF_8)).isEqualTo("<svg/>");
  }

  @Test
  void assets_are_found_in_a_jar_that_lists_no_folders() throws IOException {
    Path jar = dir.resolve("site.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String name : new String[] {"assets/style.css", "assets/site.js", "templates/x"}) {
        out.putNextEntry(new JarEntry(name));
        out.write(name.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }

    assertThat(load(jar)).containsOnlyKeys("style.css", "site.js");
  }

  @Test
  void a_class_path_without_assets_is_an_error_not_a_site_without_style() {
    assertThatThrownBy(() -> load(dir)).isInstanceOf(IllegalStateException.class);
  }

  private static Map<String, byte[]> load(Path classPath) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null)) {
      return ClasspathAssets.load(loader);
    }
  }
}
