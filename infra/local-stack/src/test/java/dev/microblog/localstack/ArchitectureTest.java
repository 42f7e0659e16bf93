package dev.microblog.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local stack only wires and stands in: pages reach the bucket through the generator, and data
 * reaches the table through the functions (and core's store), never from here.
 */
class ArchitectureTest {
  static final JavaClasses STACK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.microblog.localstack");

  static DescribedPredicate<JavaCall<?>> callsOn(Class<?> owner, Set<String> methods) {
    return DescribedPredicate.describe(
        owner.getSimpleName() + "." + methods,
        call ->
            call.getTargetOwner().isAssignableTo(owner)
                && methods.contains(call.getTarget().getName()));
  }

  @Test
  void onlyTheGeneratorWritesToTheBucket() {
    noClasses()
        .should()
        .callMethodWhere(
            callsOn(
                S3Client.class,
                Set.of(
                    "putObject",
                    "deleteObject",
                    "deleteObjects",
                    "copyObject",
                    "completeMultipartUpload")))
        .check(STACK);
  }

  @Test
  void onlyTheStoreWritesToTheTable() {
    noClasses()
        .that()
        .doNotHaveSimpleName("BulkWriter")
        .should()
        .callMethodWhere(
            callsOn(
                DynamoDbClient.class,
                Set.of(
                    "putItem",
                    "updateItem",
                    "deleteItem",
                    "batchWriteItem",
                    "transactWriteItems",
                    "executeStatement")))
        .because("the benchmarks' loader (BulkWriter) alone writes items straight into the table")
        .check(STACK);
  }
}
