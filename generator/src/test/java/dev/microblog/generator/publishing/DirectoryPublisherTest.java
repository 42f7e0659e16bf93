package dev.microblog.generator.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microblog.generator.rendering.CachePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPublisherTest extends PublisherContract {
  @TempDir Path folder;

  @Override
  Publisher publisher() {
    return new DirectoryPublisher(folder);
  }

  @Override
  byte[] stored(String key) {
    try {
      return Files.readAllBytes(folder.resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void pages_are_laid_out_as_a_static_host_serves_them() {
    publisher().publish(page("/", "front", CachePolicy.CHANGING));
    publisher().publish(page("/users/alice/posts/3/", "post", CachePolicy.ARCHIVE));

    assertThat(folder.resolve("index.html")).hasContent("front");
    assertThat(folder.resolve("users/alice/posts/3/index.html")).hasContent("post");
  }

  @Test
  void deleting_the_last_file_of_a_folder_removes_the_folder() {
    publisher().publish(page("/users/dave/home/page/2/", "x", CachePolicy.CHANGING));
    publisher().publish(page("/users/dave/", "profile", CachePolicy.CHANGING));

    publisher().delete("users/dave/home/page/2/index.html");

    assertThat(folder.resolve("users/dave/home")).doesNotExist();
    assertThat(folder.resolve("users/dave/index.html")).exists();
  }

  @Test
  void a_folder_emptied_by_a_deletion_or_removed_by_someone_else_is_made_again() throws Exception {
    Publisher publisher = publisher(); // one publisher: it remembers the folders it made
    publisher.publish(page("/users/erin/posts/1/", "one", CachePolicy.ARCHIVE));
    publisher.delete("users/erin/posts/1/index.html");
    publisher.publish(page("/users/erin/posts/1/", "again", CachePolicy.ARCHIVE));
    assertThat(folder.resolve("users/erin/posts/1/index.html")).hasContent("again");

    try (var files = Files.walk(folder.resolve("users/erin"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    publisher.publish(page("/users/erin/posts/1/", "third", CachePolicy.ARCHIVE));
    assertThat(folder.resolve("users/erin/posts/1/index.html")).hasContent("third");
  }

  @Test
  void publishing_leaves_no_temporary_files_behind() throws Exception {
    Publisher publisher = publisher();
    for (int i = 0; i < 20; i++) {
      publisher.publish(page("/users/fay/posts/" + (i % 5) + "/", "v" + i, CachePolicy.ARCHIVE));
    }
    try (var files = Files.walk(folder)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
          .containsOnly("index.html")
          .hasSize(5);
    }
  }

  @Test
  void a_key_cannot_reach_outside_the_folder() {
    assertThatThrownBy(() -> publisher().delete("../outside.html"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
