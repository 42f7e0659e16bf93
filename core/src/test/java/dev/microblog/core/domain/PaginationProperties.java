package dev.microblog.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class PaginationProperties {

  @Test
  void every_item_lies_within_the_bounds_of_its_page() {
    qt().forAll(integers().between(1, 100), longs().between(1, 1_000_000))
        .checkAssert(
            (size, seq) -> {
              Pagination pages = new Pagination(size);
              long page = pages.pageOf(seq);
              assertThat(seq).isBetween(pages.firstSeq(page), pages.lastSeq(page));
              assertThat(pages.lastSeq(page) - pages.firstSeq(page) + 1).isEqualTo((long) size);
            });
  }

  @Test
  void a_new_item_never_moves_an_earlier_item_to_another_page() {
    qt().forAll(
            integers().between(1, 100), longs().between(1, 1_000_000), longs().between(0, 1_000))
        .checkAssert(
            (size, earlier, laterBy) -> {
              Pagination pages = new Pagination(size);
              // The page of an item depends on its own number only, never on what came after it.
              assertThat(pages.pageOf(earlier))
                  .isLessThanOrEqualTo(pages.pageOf(earlier + laterBy));
              assertThat(pages.pageOf(earlier)).isEqualTo((earlier - 1) / size + 1);
            });
  }

  @Test
  void a_page_is_full_exactly_when_its_last_item_exists() {
    qt().forAll(integers().between(1, 50), longs().between(1, 200), longs().between(0, 10_000))
        .checkAssert(
            (size, page, count) ->
                assertThat(new Pagination(size).isFull(page, count))
                    .isEqualTo(count >= page * size));
  }

  @Test
  void page_count_covers_every_item_and_no_more() {
    qt().forAll(integers().between(1, 50), longs().between(1, 100_000))
        .checkAssert(
            (size, count) -> {
              Pagination pages = new Pagination(size);
              long last = pages.pageCount(count);
              assertThat(pages.lastSeq(last)).isGreaterThanOrEqualTo(count);
              assertThat(pages.firstSeq(last)).isLessThanOrEqualTo(count);
            });
  }

  @Test
  void an_empty_list_still_has_its_first_page() {
    assertThat(Pagination.DEFAULT.pageCount(0)).isEqualTo(1);
  }

  @Test
  void numbering_starts_at_one() {
    qt().forAll(longs().between(-1000, 0))
        .checkAssert(
            seq ->
                assertThatThrownBy(() -> Pagination.DEFAULT.pageOf(seq))
                    .isInstanceOf(IllegalArgumentException.class));
  }
}
