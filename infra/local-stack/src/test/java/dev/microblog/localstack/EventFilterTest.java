package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microblog.core.store.ChangeDecoder;
import dev.microblog.generator.StreamFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The generator's stream filter lets through exactly the records its decoder turns into a change:
 * Lambda never pays an invocation for a record the generator would ignore, and never drops one it
 * needs.
 */
class EventFilterTest {
  static final EventFilter GENERATOR = EventFilter.of(StreamFilter.PATTERNS);

  /** The key layout of core's Table, and near misses of each part. */
  static final List<String> PK_PREFIXES =
      List.of(
          "USER#",
          "EMAIL#",
          "SESSION#",
          "EXPLORE",
          "CDN",
          "USER",
          "user#",
          "XUSER#",
          "EXPLORE#",
          "");

  static final List<String> SK_PREFIXES =
      List.of(
          "PROFILE",
          "HOME",
          "HOME_SERVED",
          "POST#",
          "FOLLOWS#",
          "FOLLOWER#",
          "EMAIL",
          "SESSION",
          "SEAL#",
          "SEALED",
          "OWED",
          "PROFILE#",
          "post#",
          "FOLLOWS",
          "");

  static JsonNode record(String pk, String sk, OperationType event) {
    return StreamEvents.record(
        Record.builder()
            .eventID("1")
            .eventName(event)
            .dynamodb(
                StreamRecord.builder()
                    .keys(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                    .sequenceNumber("100")
                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                    .build())
            .build(),
        "arn:aws:dynamodb:local:000000000000:table/microblog/stream/x");
  }

  static boolean decoderKeeps(String pk, String sk) {
    return ChangeDecoder.decode(Map.of("pk", pk, "sk", sk)).isPresent();
  }

  @Test
  void the_filter_keeps_what_the_decoder_keeps_for_every_kind_of_key() {
    Gen<String> names = Generate.pick(List.of("alice", "bob", "a@example.org", "0000000042", ""));
    Gen<String> pk = Generate.pick(PK_PREFIXES).zip(names, String::concat);
    Gen<String> sk =
        Generate.pick(SK_PREFIXES)
            .zip(names, longs().between(0, 9_999_999_999L), EventFilterTest::sortKey);
    Gen<OperationType> event =
        Generate.pick(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE));

    qt().forAll(pk, sk, event)
        .checkAssert(
            (p, s, e) ->
                assertThat(GENERATOR.delivers(record(p, s, e)))
                    .as("%s / %s (%s)", p, s, e)
                    .isEqualTo(decoderKeeps(p, s)));
  }

  /** A sort key: prefixes that end in "#" take a suffix (digits after POST#, as the table has). */
  private static String sortKey(String prefix, String name, long seq) {
    if (prefix.equals("POST#")) {
      return prefix + String.format("%010d", seq);
    }
    return prefix.endsWith("#") ? prefix + name : prefix;
  }

  @Test
  void the_rows_of_the_table_layout() {
    assertThat(GENERATOR.delivers(record("USER#alice", "PROFILE", OperationType.MODIFY))).isTrue();
    assertThat(GENERATOR.delivers(record("USER#alice", "POST#0000000042", OperationType.INSERT)))
        .isTrue();
    assertThat(GENERATOR.delivers(record("USER#alice", "FOLLOWS#bob", OperationType.REMOVE)))
        .isTrue();
    assertThat(GENERATOR.delivers(record("USER#bob", "FOLLOWER#alice", OperationType.INSERT)))
        .isFalse();
    assertThat(GENERATOR.delivers(record("EMAIL#a@example.org", "EMAIL", OperationType.INSERT)))
        .isFalse();
    assertThat(GENERATOR.delivers(record("SITE", "COUNTERS", OperationType.MODIFY))).isFalse();
    assertThat(GENERATOR.delivers(record("SESSION#5e55", "SESSION", OperationType.REMOVE)))
        .isFalse();
  }

  @Test
  void any_pattern_may_deliver_a_record_and_no_pattern_delivers_all() {
    EventFilter sessionsOrSite =
        EventFilter.of(
            List.of(
                "{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"prefix\":\"SESSION#\"}]}}}}",
                "{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[\"SITE\"]}}}}"));

    assertThat(sessionsOrSite.delivers(record("SESSION#1", "SESSION", OperationType.INSERT)))
        .isTrue();
    assertThat(sessionsOrSite.delivers(record("SITE", "COUNTERS", OperationType.INSERT))).isTrue();
    assertThat(sessionsOrSite.delivers(record("USER#a", "PROFILE", OperationType.INSERT)))
        .isFalse();
    assertThat(EventFilter.ALL.delivers(record("USER#a", "PROFILE", OperationType.INSERT)))
        .isTrue();
  }

  @Test
  void an_operator_it_does_not_know_is_refused_rather_than_guessed() {
    assertThatThrownBy(
            () ->
                EventFilter.of(List.of("{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",0]}]}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numeric");
    assertThatThrownBy(
            () ->
                EventFilter.of(
                    List.of(
                        "{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"anything-but\":{\"prefix\":\"S\"}}]}}}}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
