package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

class S3ServerTest {

  @Test
  void objectsAndTheirHeadersSurviveARestartOnDisk(@TempDir Path dir) throws Exception {
    try (S3Server s3 = S3Server.start(dir, 0, "site")) {
      s3.client()
          .putObject(
              b ->
                  b.bucket("site")
                      .key("users/alice/index.html")
                      .contentType("text/html; charset=utf-8")
                      .cacheControl("public, max-age=0, s-maxage=31536000")
                      .metadata(Map.of("built-from", "42")),
              RequestBody.fromString("<h1>alice</h1>"));
    }

    try (S3Server again = S3Server.start(dir, 0, "site")) {
      var object =
          again.client().getObjectAsBytes(b -> b.bucket("site").key("users/alice/index.html"));

      assertThat(object.asUtf8String()).isEqualTo("<h1>alice</h1>");
      assertThat(object.response().contentType().replace(" ", ""))
          .isEqualTo("text/html;charset=utf-8");
      assertThat(object.response().cacheControl())
          .isEqualTo("public, max-age=0, s-maxage=31536000");
      assertThat(object.response().metadata()).containsEntry("built-from", "42");
    }
  }

  @Test
  void inMemoryTheBucketExistsAndStartsEmpty() throws Exception {
    try (S3Server s3 = S3Server.start(null, 0, "site")) {
      var listing = s3.client().listObjectsV2(b -> b.bucket("site"));

      assertThat(listing.contents()).isEmpty();
    }
  }
}
