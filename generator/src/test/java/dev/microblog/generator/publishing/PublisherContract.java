package dev.microblog.generator.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microblog.generator.publishing.Publisher.Outcome;
import dev.microblog.generator.rendering.CachePolicy;
import dev.microblog.generator.rendering.Page;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every publisher does, whatever it publishes to. */
abstract class PublisherContract {
  abstract Publisher publisher();

  /** The bytes stored under {@code key}, read back from the store itself. */
  abstract byte[] stored(String key);

  static Page page(String path, String text, CachePolicy cache) {
    return Page.html(path, text, cache);
  }

  @Test
  void a_new_page_is_created_the_same_bytes_again_are_not_written_and_new_bytes_update_it() {
    Page first = page("/users/alice/", "<p>one</p>", CachePolicy.CHANGING);
    Page second = page("/users/alice/", "<p>two</p>", CachePolicy.CHANGING);

    assertThat(publisher().publish(first)).isEqualTo(Outcome.CREATED);
    assertThat(publisher().publish(first)).isEqualTo(Outcome.UNCHANGED);
    assertThat(publisher().publish(second)).isEqualTo(Outcome.UPDATED);
    assertThat(new String(stored("users/alice/index.html"), StandardCharsets.UTF_8))
        .isEqualTo("<p>two</p>");
  }

  @Test
  void delete_says_whether_there_was_something_to_delete() {
    publisher().publish(page("/users/bob/home/page/2/", "x", CachePolicy.CHANGING));

    assertThat(publisher().delete("users/bob/home/page/2/index.html")).isTrue();
    assertThat(publisher().delete("users/bob/home/page/2/index.html")).isFalse();
    assertThat(publisher().keys("users/bob/")).isEmpty();
  }

  @Test
  void keys_lists_exactly_the_objects_under_a_prefix() {
    for (String path :
        new String[] {
          "/users/carol/home/",
          "/users/carol/home/page/2/",
          "/users/carol/home/page/3/",
          "/users/carolyn/home/page/2/",
          "/users/carol/"
        }) {
      publisher().publish(page(path, path, CachePolicy.CHANGING));
    }

    assertThat(publisher().keys("users/carol/home/page/"))
        .containsExactlyInAnyOrder(
            "users/carol/home/page/2/index.html", "users/carol/home/page/3/index.html");
    assertThat(publisher().keys("users/nobody/")).isEmpty();
  }
}
