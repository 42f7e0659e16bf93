package dev.microblog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microblog.gateway.AppliedWrite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Write units as DynamoDB on demand bills them, from an applied write's images. */
class WriteUnitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WriteUnits UNITS = new WriteUnits(List.of(List.of("gsi1pk", "gsi1sk")));

  private static ObjectNode item(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static final ObjectNode COUNTER = item("{\"pk\":{\"S\":\"SITE\"},\"n\":{\"N\":\"1\"}}");
  private static final ObjectNode COUNTER_2 = item("{\"pk\":{\"S\":\"SITE\"},\"n\":{\"N\":\"2\"}}");
  private static final ObjectNode INDEXED =
      item("{\"pk\":{\"S\":\"P\"},\"gsi1pk\":{\"S\":\"EXPLORE\"},\"gsi1sk\":{\"S\":\"1\"}}");
  private static final ObjectNode INDEXED_CHANGED =
      item(
          "{\"pk\":{\"S\":\"P\"},\"gsi1pk\":{\"S\":\"EXPLORE\"},\"gsi1sk\":{\"S\":\"1\"},"
              + "\"body\":{\"S\":\"edited\"}}");
  private static final ObjectNode INDEXED_MOVED =
      item("{\"pk\":{\"S\":\"P\"},\"gsi1pk\":{\"S\":\"EXPLORE\"},\"gsi1sk\":{\"S\":\"2\"}}");

  private static long units(ObjectNode before, ObjectNode after, boolean transactional) {
    return UNITS.of(new AppliedWrite("t", before, after, transactional));
  }

  @Test
  void a_small_write_outside_any_index_costs_one_unit_and_two_in_a_transaction() {
    assertThat(units(null, COUNTER, false)).isEqualTo(1);
    assertThat(units(COUNTER, COUNTER_2, false)).isEqualTo(1);
    assertThat(units(COUNTER, COUNTER_2, true)).isEqualTo(2);
  }

  @Test
  void an_item_entering_an_index_costs_one_more_unit_at_the_standard_rate() {
    assertThat(units(null, INDEXED, false)).isEqualTo(2);
    assertThat(units(null, INDEXED, true)).isEqualTo(3);
  }

  @Test
  void changing_what_a_keys_only_index_does_not_hold_leaves_it_alone_and_moving_deletes_and_puts() {
    assertThat(units(INDEXED, INDEXED_CHANGED, false)).isEqualTo(1);
    assertThat(units(INDEXED, INDEXED_MOVED, false)).isEqualTo(3);
  }

  @Test
  void a_large_item_has_a_small_entry_in_a_keys_only_index() {
    ObjectNode bigPost =
        item(
            "{\"pk\":{\"S\":\"P\"},\"gsi1pk\":{\"S\":\"E\"},\"gsi1sk\":{\"S\":\"1\"},"
                + "\"body\":{\"S\":\""
                + "é".repeat(600)
                + "\"}}");
    assertThat(units(null, bigPost, false)).isEqualTo(2 + 1); // 1,2xx bytes: two; the entry: one
  }

  @Test
  void deleting_an_indexed_item_deletes_its_entry() {
    assertThat(units(INDEXED, null, false)).isEqualTo(2);
  }

  @Test
  void a_write_that_changes_nothing_still_costs_the_table_but_not_the_index() {
    assertThat(units(INDEXED, INDEXED, false)).isEqualTo(1);
  }

  @Test
  void every_started_kilobyte_of_the_larger_image_is_a_unit() {
    ObjectNode big = item("{\"pk\":{\"S\":\"SITE\"},\"b\":{\"S\":\"" + "x".repeat(1500) + "\"}}");
    assertThat(units(COUNTER, big, false)).isEqualTo(2);
    assertThat(units(big, COUNTER, true)).isEqualTo(4);
  }

  @Test
  void sizes_count_attribute_names_and_values_as_dynamodb_does() {
    assertThat(WriteUnits.size(item("{\"pk\":{\"S\":\"SITE\"}}"))).isEqualTo(2 + 4);
    // 12345: five significant digits, about one byte per two plus one
    assertThat(WriteUnits.size(item("{\"n\":{\"N\":\"12345\"}}"))).isEqualTo(1 + 4);
    assertThat(WriteUnits.size(item("{\"ok\":{\"BOOL\":true}}"))).isEqualTo(2 + 1);
    assertThat(WriteUnits.size(item("{\"l\":{\"L\":[{\"S\":\"ab\"},{\"N\":\"7\"}]}}")))
        .isEqualTo(1 + 3 + 2 + 2);
    assertThat(WriteUnits.size(item("{\"é\":{\"S\":\"é\"}}"))).isEqualTo(2 + 2);
    assertThat(WriteUnits.size(null)).isZero();
  }
}
