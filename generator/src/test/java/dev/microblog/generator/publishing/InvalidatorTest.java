package dev.microblog.generator.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvalidatorTest {
  @Test
  void cloudfront_drops_a_directory_page_under_its_url_and_its_object_name() {
    assertThat(
            CloudFrontInvalidator.cloudFrontPaths(
                List.of("/", "/users/alice/", "/users/alice/following.json")))
        .containsExactly(
            "/",
            "/index.html",
            "/users/alice/",
            "/users/alice/index.html",
            "/users/alice/following.json");
  }

  @Test
  void cloudfront_gets_one_wildcard_instead_of_more_paths_than_it_accepts() {
    List<String> many =
        IntStream.range(0, CloudFrontInvalidator.MAX_PATHS)
            .mapToObj(i -> "/users/u" + i + "/")
            .toList();

    assertThat(CloudFrontInvalidator.cloudFrontPaths(many)).containsExactly("/*");
  }

  @Test
  void the_recording_invalidator_tells_its_listeners_and_keeps_each_batch() {
    List<List<String>> heard = new ArrayList<>();
    RecordingInvalidator cdn = new RecordingInvalidator().onInvalidate(heard::add);

    cdn.invalidate(List.of("/", "/page/3/"));
    cdn.invalidate(List.of());
    cdn.invalidate(List.of("/users/bob/"));

    assertThat(heard).containsExactly(List.of("/", "/page/3/"), List.of("/users/bob/"));
    assertThat(cdn.batches()).isEqualTo(heard);
    assertThat(cdn.paths()).containsExactly("/", "/page/3/", "/users/bob/");
  }
}
