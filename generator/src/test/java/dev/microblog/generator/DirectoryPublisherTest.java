package dev.microblog.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void a_key_cannot_reach_outside_the_folder() {
    assertThatThrownBy(() -> publisher().delete("../outside.html"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
