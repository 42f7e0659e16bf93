package dev.microblog.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules, as tests: a wrong import fails the build, not a review. This module's test
 * classpath holds every module, so the rules see the whole product.
 */
class ArchitectureTest {
  private static final String CORE = "dev.microblog.core..";
  private static final String STORE = "dev.microblog.core.store..";
  private static final String CONFIG = "dev.microblog.core.config..";
  private static final String SITE = "dev.microblog.site..";
  private static final String FUNCTIONS = "dev.microblog.functions..";
  private static final String GENERATOR = "dev.microblog.generator..";
  private static final String LOCAL_STACK = "dev.microblog.localstack..";
  private static final String GATEWAY = "dev.microblog.gateway..";
  // The generator's stages. Its root package is the pipeline that runs them in order (and the
  // Lambda and command-line entry points); support holds what every stage may use.
  private static final String PIPELINE = "dev.microblog.generator";
  private static final String PLANNING = "dev.microblog.generator.planning..";
  private static final String STATE = "dev.microblog.generator.state..";
  private static final String RENDERING = "dev.microblog.generator.rendering..";
  private static final String PUBLISHING = "dev.microblog.generator.publishing..";
  private static final String SUPPORT = "dev.microblog.generator.support..";

  private static final String HTTP = "dev.microblog.functions.http..";
  private static final List<String> FEATURES =
      List.of("account", "following", "posting", "timeline").stream()
          .map(feature -> "dev.microblog.functions." + feature + "..")
          .toList();

  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.microblog");
  }

  @Test
  void functions_and_generator_never_depend_on_each_other() {
    noClasses()
        .that()
        .resideInAPackage(FUNCTIONS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(GENERATOR)
        .check(product);
    noClasses()
        .that()
        .resideInAPackage(GENERATOR)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(FUNCTIONS)
        .check(product);
  }

  @Test
  void planning_names_pages_without_knowing_how_they_are_rendered_or_published() {
    noClasses()
        .that()
        .resideInAPackage(PLANNING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(RENDERING, PUBLISHING)
        .check(product);
  }

  @Test
  void the_state_is_read_by_the_stages_and_reads_none_of_them() {
    noClasses()
        .that()
        .resideInAPackage(STATE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLANNING, RENDERING, PUBLISHING)
        .check(product);
  }

  @Test
  void rendering_makes_pages_without_knowing_where_they_go() {
    noClasses()
        .that()
        .resideInAPackage(RENDERING)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(PUBLISHING)
        .check(product);
  }

  @Test
  void publishing_writes_pages_without_knowing_what_they_show() {
    noClasses()
        .that()
        .resideInAPackage(PUBLISHING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLANNING, STATE)
        .because("a publisher and an invalidator see files and paths, never the site's data")
        .check(product);
  }

  @Test
  void the_stages_never_reach_back_into_the_pipeline() {
    noClasses()
        .that()
        .resideInAnyPackage(PLANNING, STATE, RENDERING, PUBLISHING, SUPPORT)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(PIPELINE)
        .because("the pipeline wires the stages together; a stage that calls it back is a cycle")
        .check(product);
    noClasses()
        .that()
        .resideInAPackage(SUPPORT)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLANNING, STATE, RENDERING, PUBLISHING)
        .check(product);
  }

  @Test
  void http_serves_every_feature_and_depends_on_none() {
    // Except who is signed in: every feature's controller takes a Member, and the session cookie
    // is issued and read here; the sessions themselves (the table) are account's.
    noClasses()
        .that()
        .resideInAPackage(HTTP)
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(FEATURES.toArray(String[]::new))
                .and(
                    not(
                        nameMatching(
                            "dev\\.microblog\\.functions\\.account\\.(Sessions|SignedIn)"))))
        .because("http/ holds what the features share; a feature's controller lives in it")
        .check(product);
  }

  @Test
  void features_do_not_depend_on_each_other() {
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideInAPackage(feature)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              FEATURES.stream().filter(other -> !other.equals(feature)).toArray(String[]::new))
          .because("each feature is its use case and its controller; what they share is in http/")
          .check(product);
    }
  }

  @Test
  void core_depends_on_no_other_module() {
    noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SITE, FUNCTIONS, GENERATOR, LOCAL_STACK, GATEWAY)
        .check(product);
  }

  @Test
  void templates_use_the_domain_but_never_the_store() {
    noClasses()
        .that()
        .resideInAPackage(SITE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(STORE, CONFIG, FUNCTIONS, GENERATOR)
        .check(product);
  }

  @Test
  void only_the_store_talks_to_dynamodb() {
    // Wiring may hand a client to the store; only the store builds requests and reads results.
    noClasses()
        .that()
        .resideOutsideOfPackages(STORE, LOCAL_STACK, GATEWAY)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk.services.dynamodb.model..")
        .because("the store owns the table layout: keys, conditions and transactions")
        .check(product);
  }

  @Test
  void only_the_generator_writes_pages() {
    noClasses()
        .that()
        .resideOutsideOfPackages(GENERATOR, LOCAL_STACK)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "software.amazon.awssdk.services.s3..", "software.amazon.awssdk.services.cloudfront..")
        .because("pages reach the bucket and the CDN through the generator's Publisher only")
        .check(product);
  }

  @Test
  void only_templates_hold_markup() {
    noClasses()
        .that()
        .resideOutsideOfPackage(SITE)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.github.mustachejava..")
        .because("functions and generator render through site-templates' Templates")
        .check(product);
  }

  @Test
  void the_local_stack_is_never_part_of_a_deployable() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE, SITE, FUNCTIONS, GENERATOR)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(LOCAL_STACK, GATEWAY, "org.gaul..")
        .check(product);
  }
}
