package dev.microblog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microblog.core.domain.EdgePaths;
import dev.microblog.core.domain.SiteLocale;
import dev.microblog.core.store.Table;
import dev.microblog.functions.Functions;
import dev.microblog.generator.GeneratorSettings;
import dev.microblog.generator.RebuildHandler;
import dev.microblog.generator.StreamFilter;
import dev.microblog.generator.StreamHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** template.yaml must describe the code as it is: handlers, packages, table, stream, settings. */
class SamTemplateTest {
  private static Map<String, Object> resources;
  private static Map<String, Object> outputs;
  private static Path repo;

  @BeforeAll
  static void readTemplate() throws IOException {
    repo = Path.of("").toAbsolutePath();
    while (!Files.exists(repo.resolve("template.yaml"))) {
      repo = repo.getParent();
    }
    Map<String, Object> template =
        new Yaml(new CloudFormationTags()).load(Files.readString(repo.resolve("template.yaml")));
    assertThat(template).containsEntry("Transform", "AWS::Serverless-2016-10-31");
    resources = map(template.get("Resources"));
    outputs = map(template.get("Outputs"));
  }

  @Test
  void the_functions_run_behind_a_rest_api_so_every_set_cookie_survives() {
    Map<String, Object> function = properties("FunctionsFunction");
    assertThat(function.get("Handler")).isEqualTo(Functions.LAMBDA_HANDLER);
    assertThat(Functions.LAMBDA_HANDLER).contains(".payload1.");
    assertThat(type("Api")).isEqualTo("AWS::Serverless::Api");
    Map<String, Object> event = map(map(map(function.get("Events")).get("Api")).get("Properties"));
    assertThat(event.get("Path")).isEqualTo("/api/{proxy+}");
  }

  @Test
  void the_generator_handler_is_the_stream_handler_and_reports_partial_failures() {
    Map<String, Object> generator = properties("GeneratorFunction");
    assertThat(generator.get("Handler"))
        .isEqualTo(StreamHandler.class.getName() + "::handleRequest");
    assertThat(RequestHandler.class).isAssignableFrom(StreamHandler.class);
    Map<String, Object> stream =
        map(map(map(generator.get("Events")).get("TableStream")).get("Properties"));
    assertThat(stream.get("Stream")).isEqualTo("!GetAtt Table.StreamArn");
    assertThat(list(stream.get("FunctionResponseTypes"))).contains("ReportBatchItemFailures");
    assertThat(map(map(generator.get("Environment")).get("Variables")))
        .containsKeys(GeneratorSettings.BUCKET, GeneratorSettings.DISTRIBUTION_ID);
  }

  @Test
  void the_rebuild_function_runs_the_rebuild_handler_from_the_generators_package() {
    Map<String, Object> rebuild = properties("RebuildFunction");
    Map<String, Object> generator = properties("GeneratorFunction");
    assertThat(rebuild.get("Handler"))
        .isEqualTo(RebuildHandler.class.getName() + "::handleRequest");
    assertThat(RequestHandler.class).isAssignableFrom(RebuildHandler.class);
    assertThat(rebuild.get("CodeUri")).isEqualTo(generator.get("CodeUri"));
    assertThat(rebuild).containsEntry("Timeout", 900).doesNotContainKey("Events");
    assertThat(map(map(rebuild.get("Environment")).get("Variables")))
        .containsEntry(GeneratorSettings.BUCKET, "!Ref SiteBucket")
        .containsEntry(GeneratorSettings.DISTRIBUTION_ID, "!Ref Distribution");
    // Reads the table (a Scan), writes and deletes in the bucket, invalidates the distribution.
    List<Object> policies = list(rebuild.get("Policies"));
    assertThat(policies.stream().map(p -> map(p).keySet().iterator().next()))
        .contains("DynamoDBReadPolicy", "S3CrudPolicy");
    assertThat(policies.toString()).contains("cloudfront:CreateInvalidation");
  }

  @Test
  void the_outputs_say_how_to_run_the_rebuild() {
    assertThat(map(outputs.get("RebuildFunctionName")))
        .containsEntry("Value", "!Ref RebuildFunction");
    assertThat((String) map(outputs.get("RebuildCommand")).get("Value"))
        .startsWith("!Sub aws lambda invoke ")
        .contains("--function-name ${RebuildFunction}")
        // the CLI's own 60 s would give up on a long rebuild, and then send it again
        .contains("--cli-read-timeout 900");
  }

  @Test
  void the_generators_stream_filter_is_the_one_the_local_stream_poller_applies() throws Exception {
    Map<String, Object> stream =
        map(
            map(map(properties("GeneratorFunction").get("Events")).get("TableStream"))
                .get("Properties"));
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> deployed = new ArrayList<>();
    for (Object filter : list(map(stream.get("FilterCriteria")).get("Filters"))) {
      deployed.add(json.readTree((String) map(filter).get("Pattern")));
    }
    List<JsonNode> local = new ArrayList<>();
    for (String pattern : StreamFilter.PATTERNS) {
      local.add(json.readTree(pattern));
    }

    assertThat(deployed).isEqualTo(local);
  }

  @Test
  void the_packages_named_are_the_ones_the_lambda_profile_builds() throws IOException {
    for (String module : List.of("functions", "generator")) {
      String function = module.equals("functions") ? "FunctionsFunction" : "GeneratorFunction";
      assertThat(properties(function).get("CodeUri"))
          .isEqualTo(module + "/target/" + module + "-lambda.jar");
      assertThat(Files.readString(repo.resolve(module).resolve("pom.xml")))
          .contains("<finalName>" + module + "-lambda</finalName>");
    }
  }

  @Test
  void the_table_is_the_one_the_store_creates() {
    CreateTableRequest code = Table.definition("any");
    Map<String, Object> table = properties("Table");

    assertThat(list(table.get("KeySchema")))
        .map(k -> map(k).get("AttributeName") + ":" + map(k).get("KeyType"))
        .containsExactlyElementsOf(
            code.keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .toList());
    assertThat(list(table.get("AttributeDefinitions")))
        .map(a -> map(a).get("AttributeName") + ":" + map(a).get("AttributeType"))
        .containsExactlyInAnyOrderElementsOf(
            code.attributeDefinitions().stream()
                .map(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .toList());
    Map<String, Object> index = map(list(table.get("GlobalSecondaryIndexes")).get(0));
    assertThat(index.get("IndexName")).isEqualTo(Table.GSI1);
    assertThat(map(table.get("StreamSpecification")).get("StreamViewType"))
        .isEqualTo(code.streamSpecification().streamViewTypeAsString());
    assertThat(map(table.get("TimeToLiveSpecification")).get("AttributeName")).isEqualTo(Table.TTL);
  }

  @Test
  void api_requests_reach_the_functions_through_the_cdn_uncached() {
    Map<String, Object> config = map(properties("Distribution").get("DistributionConfig"));
    Map<String, Object> api = map(list(config.get("CacheBehaviors")).get(0));
    assertThat(api.get("PathPattern")).isEqualTo("/api/*");
    assertThat(api.get("TargetOriginId")).isEqualTo("api");
    assertThat(list(api.get("AllowedMethods"))).contains("POST");
  }

  @Test
  void the_apis_own_errors_reach_the_reader_and_bucket_misses_fail_over_to_its_not_found_page() {
    Map<String, Object> config = map(properties("Distribution").get("DistributionConfig"));
    // Custom error responses would apply to /api/* too and hide its 403s and 404s.
    assertThat(config).doesNotContainKey("CustomErrorResponses");

    Map<String, Object> group = map(list(map(config.get("OriginGroups")).get("Items")).get(0));
    assertThat(map(config.get("DefaultCacheBehavior")).get("TargetOriginId"))
        .isEqualTo(group.get("Id"));
    assertThat(list(map(group.get("Members")).get("Items")))
        .map(m -> map(m).get("OriginId"))
        .containsExactly("site", "api");
    assertThat(list(map(map(group.get("FailoverCriteria")).get("StatusCodes")).get("Items")))
        .containsExactly(404);
    // S3 says 404 rather than 403 for a missing key only when the reader may list the bucket.
    assertThat(list(map(properties("SiteBucketPolicy").get("PolicyDocument")).get("Statement")))
        .map(st -> map(st).get("Action"))
        .contains("s3:ListBucket");
    // The API serves the failover's GETs.
    Map<String, Object> notFound =
        map(
            map(map(properties("FunctionsFunction").get("Events")).get("NotFound"))
                .get("Properties"));
    assertThat(notFound).containsEntry("Path", "/{proxy+}").containsEntry("Method", "GET");
  }

  @Test
  void the_site_request_function_knows_the_sites_locales_and_locale_free_paths()
      throws IOException {
    String code = siteRequestFunction();
    assertThat(jsList(code, "LOCALES"))
        .containsExactlyElementsOf(SiteLocale.ALL.stream().map(SiteLocale::tag).toList());
    assertThat(SiteLocale.ALL.get(0)).isEqualTo(SiteLocale.DEFAULT); // the function's default
    assertThat(jsList(code, "LOCALE_FREE")).containsExactlyElementsOf(EdgePaths.LOCALE_FREE);
    Map<String, Object> config = map(properties("Distribution").get("DistributionConfig"));
    assertThat(list(map(config.get("DefaultCacheBehavior")).get("FunctionAssociations")))
        .containsExactly(
            Map.of(
                "EventType",
                "viewer-request",
                "FunctionARN",
                "!GetAtt SiteRequest.FunctionMetadata.FunctionARN"));
  }

  /** The strings in {@code var NAME = ['a', 'b'];} in the function's source. */
  private static List<String> jsList(String code, String name) {
    Matcher m = Pattern.compile("var " + name + " = \\[([^\\]]*)\\];").matcher(code);
    assertThat(m.find()).as(name).isTrue();
    return Arrays.stream(m.group(1).split(","))
        .map(s -> s.strip().replaceAll("^'|'$", ""))
        .toList();
  }

  /** The viewer-request function's source, for tests that run it. */
  static String siteRequestFunction() throws IOException {
    readTemplate();
    return (String) properties("SiteRequest").get("FunctionCode");
  }

  private static String type(String resource) {
    return (String) map(resources.get(resource)).get("Type");
  }

  private static Map<String, Object> properties(String resource) {
    assertThat(resources).containsKey(resource);
    return map(map(resources.get(resource)).get("Properties"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }

  /**
   * Reads CloudFormation's short tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}…) as the text
   * "!Tag value" so the test can compare them; plain YAML loaders reject or drop them.
   */
  private static final class CloudFormationTags extends SafeConstructor {
    CloudFormationTags() {
      super(new LoaderOptions());
      for (String tag : List.of("Ref", "GetAtt", "Sub", "If", "Equals", "Not", "Join", "Select")) {
        yamlConstructors.put(new Tag("!" + tag), new ShortTag(tag));
      }
    }

    private final class ShortTag extends AbstractConstruct {
      private final String name;

      ShortTag(String name) {
        this.name = name;
      }

      @Override
      public Object construct(Node node) {
        Object value =
            node instanceof ScalarNode scalar
                ? scalar.getValue()
                : node.getNodeId().name().equals("sequence")
                    ? constructSequence((org.yaml.snakeyaml.nodes.SequenceNode) node)
                    : constructMapping((org.yaml.snakeyaml.nodes.MappingNode) node);
        return "!" + name + " " + value;
      }
    }
  }
}
