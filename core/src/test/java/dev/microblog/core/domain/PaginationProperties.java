package dev.microblog.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PaginationProperties {

  @Property
  void every_item_lies_within_the_bounds_of_its_page(
      @ForAll @IntRange(min = 1, max = 100) int size,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seq) {
    Pagination pages = new Pagination(size);
    long page = pages.pageOf(seq);
    assertThat(seq).isBetween(pages.firstSeq(page), pages.lastSeq(page));
    assertThat(pages.lastSeq(page) - pages.firstSeq(page) + 1).isEqualTo(size);
  }

  @Property
  void a_new_item_never_moves_an_earlier_item_to_another_page(
      @ForAll @IntRange(min = 1, max = 100) int size,
      @ForAll @LongRange(min = 1, max = 1_000_000) long earlier,
      @ForAll @LongRange(min = 0, max = 1_000) long laterBy) {
    Pagination pages = new Pagination(size);
    long later = earlier + laterBy;
    // The page of an item depends on its own number only, never on how many came after it.
    assertThat(pages.pageOf(earlier)).isLessThanOrEqualTo(pages.pageOf(later));
    assertThat(pages.pageOf(earlier)).isEqualTo((earlier - 1) / size + 1);
  }

  @Property
  void a_page_is_full_exactly_when_its_last_item_exists(
      @ForAll @IntRange(min = 1, max = 50) int size,
      @ForAll @LongRange(min = 1, max = 200) long page,
      @ForAll @LongRange(min = 0, max = 10_000) long count) {
    Pagination pages = new Pagination(size);
    assertThat(pages.isFull(page, count)).isEqualTo(count >= page * size);
  }

  @Property
  void page_count_covers_every_item_and_no_more(
      @ForAll @IntRange(min = 1, max = 50) int size,
      @ForAll @LongRange(min = 1, max = 100_000) long count) {
    Pagination pages = new Pagination(size);
    long last = pages.pageCount(count);
    assertThat(pages.lastSeq(last)).isGreaterThanOrEqualTo(count);
    assertThat(pages.firstSeq(last)).isLessThanOrEqualTo(count);
  }

  @Example
  void an_empty_list_still_has_its_first_page() {
    assertThat(Pagination.DEFAULT.pageCount(0)).isEqualTo(1);
  }

  @Property
  void numbering_starts_at_one(@ForAll @LongRange(min = -1000, max = 0) long seq) {
    assertThatThrownBy(() -> Pagination.DEFAULT.pageOf(seq))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
