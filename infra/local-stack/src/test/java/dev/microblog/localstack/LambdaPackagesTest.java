package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars template.yaml deploys work on their own: each runs in a fresh JVM with nothing else on
 * its class path, against the local stack. (A dependency that only tests bring in, or a service
 * file lost in shading, fails here rather than in AWS.) The test command builds them with {@code
 * -Plambda}.
 */
@ExtendWith(LocalStackExtension.class)
class LambdaPackagesTest {
  private static final Path FUNCTIONS_JAR =
      Repo.root().resolve("functions/target/functions-lambda.jar");
  private static final Path GENERATOR_JAR =
      Repo.root().resolve("generator/target/generator-lambda.jar");

  @Test
  void the_functions_package_signs_a_user_up_through_the_api_gateway_handler(LocalStack stack)
      throws Exception {
    Path program = Path.of(getClass().getResource("/lambda/InvokeFunctions.java").toURI());
    String name = Names.unique("lambda");

    String output =
        run(
            List.of("-cp", jar(FUNCTIONS_JAR).toString(), program.toString(), name),
            Map.of(
                "MICROBLOG_ENDPOINT_DYNAMODB", stack.dynamoEndpoint().toString(),
                "MICROBLOG_TABLE", stack.store().table().name()));

    assertThat(output).contains("status=303", "location=[/en/#welcome]", "cookies=2");
    assertThat(stack.store().users().exists(name)).isTrue();
  }

  /**
   * Browsers send cookies in any order, in one Cookie header or several. Inside the package (no
   * Netty on the class path) Micronaut's proxy would see only the first cookie of the first header.
   */
  @Test
  void the_functions_package_recognises_a_session_whatever_the_cookie_order(LocalStack stack)
      throws Exception {
    Path program = Path.of(getClass().getResource("/lambda/InvokeWithEvents.java").toURI());
    Path events = Path.of(getClass().getResource("/lambda/events").toURI());
    String name = Names.unique("cookies");
    String classPath =
        jar(FUNCTIONS_JAR)
            + java.io.File.pathSeparator
            // The Lambda runtime's own event serializer, which reads the JSON API Gateway sends.
            + Path.of(
                LambdaEventSerializers.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());

    String output =
        run(
            List.of(
                "-cp",
                classPath,
                program.toString(),
                events.toString(),
                name,
                "session-first=mb_session={session}; mb_user={user}",
                "user-first=mb_user={user}; mb_session={session}",
                "session-first-two-headers=mb_session={session}|mb_user={user}",
                "user-first-two-headers=mb_user={user}|mb_session={session}",
                "among-others=_ga=GA1.2.3; mb_user={user}|theme=dark|lang=en; mb_session={session}"),
            Map.of(
                "MICROBLOG_ENDPOINT_DYNAMODB", stack.dynamoEndpoint().toString(),
                "MICROBLOG_TABLE", stack.store().table().name()));

    assertThat(output).contains("signup status=303 set-cookie=[mb_session, mb_user]");
    String home = "status=303 location=[/en/users/" + name + "/home/]";
    assertThat(output)
        .contains("home session-first " + home)
        .contains("home user-first " + home)
        .contains("home session-first-two-headers " + home)
        .contains("home user-first-two-headers " + home)
        .contains("home among-others " + home);
  }

  @Test
  void the_generator_package_builds_the_whole_site_from_the_table(
      LocalStack stack, @TempDir Path out) throws Exception {
    String output =
        run(
            List.of(
                "-cp",
                jar(GENERATOR_JAR).toString(),
                "dev.microblog.generator.SiteBuilder",
                out.toString()),
            Map.of(
                "MICROBLOG_ENDPOINT_DYNAMODB", stack.dynamoEndpoint().toString(),
                "MICROBLOG_TABLE", stack.store().table().name()));

    assertThat(output).contains("full rebuild");
    assertThat(out.resolve("en/index.html")).isRegularFile();
    assertThat(out.resolve("ar/signup/index.html")).isRegularFile();
    assertThat(out.resolve("assets/style.css")).isRegularFile();
  }

  @Test
  void the_generator_package_runs_the_rebuild_function_and_a_rerun_writes_nothing(LocalStack stack)
      throws Exception {
    Path program = Path.of(getClass().getResource("/lambda/InvokeRebuild.java").toURI());
    String bucket = Names.unique("rebuild").replace('_', '-'); // S3 allows no _
    stack.s3Client().createBucket(b -> b.bucket(bucket));

    String output =
        run(
            List.of("-cp", jar(GENERATOR_JAR).toString(), program.toString()),
            Map.of(
                "MICROBLOG_ENDPOINT_DYNAMODB",
                stack.dynamoEndpoint().toString(),
                "MICROBLOG_TABLE",
                stack.store().table().name(),
                "MICROBLOG_ENDPOINT_S3",
                stack.s3Endpoint().toString(),
                "MICROBLOG_BUCKET",
                bucket,
                // As template.yaml sets it: feeds and sitemaps name pages by absolute URL.
                "MICROBLOG_SITE_URL",
                "https://microblog.example",
                // The CloudFront client is built as in AWS; a rebuild into an empty bucket and
                // its rerun owe no invalidation, so nothing listens there.
                "MICROBLOG_DISTRIBUTION_ID",
                "E2EXAMPLE",
                "MICROBLOG_ENDPOINT_CLOUDFRONT",
                "http://127.0.0.1:9"));

    // Every page of the listing: one answer holds at most 1,000 keys.
    long objects =
        stack.s3Client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().count();
    assertThat(objects).isPositive();
    assertThat(output)
        .contains("first {pages=")
        .contains(", written=" + objects + ", unchanged=0, deleted=0, invalidated=0,")
        .containsPattern(
            "second \\{pages=\\d+, written=0, unchanged="
                + objects
                + ", deleted=0,"
                + " invalidated=0, millis=\\d+}");
  }

  private static Path jar(Path jar) {
    assertThat(jar)
        .as("built by `mvn -Plambda package` (infra/bin/test and infra/bin/package do it)")
        .isRegularFile();
    return jar;
  }

  private static String run(List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
