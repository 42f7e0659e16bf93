package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

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

    assertThat(output).contains("status=303", "location=[/#welcome]", "cookies=2");
    assertThat(stack.store().users().exists(name)).isTrue();
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
    assertThat(out.resolve("index.html")).isRegularFile();
    assertThat(out.resolve("signup/index.html")).isRegularFile();
    assertThat(out.resolve("assets/style.css")).isRegularFile();
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
