package dev.microblog.generator.rendering.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class XmlTextTest {
  @Test
  void characters_xml_forbids_are_dropped() {
    assertThat(XmlText.clean("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh"))
        .as("C0 controls but tab and line breaks; DEL is allowed")
        .isEqualTo("abcdefg\u007Fh");
    assertThat(XmlText.clean("x\uFFFEy\uFFFFz")).isEqualTo("xyz");
    assertThat(XmlText.clean("lone \uD83D high, lone \uDE00 low, reversed \uDE00\uD83D"))
        .isEqualTo("lone  high, lone  low, reversed ");
  }

  @Test
  void what_xml_allows_is_kept() {
    String allowed = "tab\there\nline 😀 مرحبا ש \uE000 \uFFFD \uDBFF\uDFFF ]]> & <";
    assertThat(XmlText.clean(allowed)).isEqualTo(allowed);
  }

  @Test
  void line_breaks_become_what_a_parser_reads_back() {
    assertThat(XmlText.clean("a\r\nb\rc\nd")).isEqualTo("a\nb\nc\nd");
  }

  @Test
  void a_short_text_is_its_own_lead_with_its_whitespace_folded() {
    assertThat(XmlText.lead("  hello\n\n  world\t ", 80, Locale.ROOT)).isEqualTo("hello world");
    assertThat(XmlText.lead("x".repeat(80), 80, Locale.ROOT)).isEqualTo("x".repeat(80));
  }

  @Test
  void a_long_text_is_cut_with_an_ellipsis_within_the_limit() {
    assertThat(XmlText.lead("x".repeat(81), 80, Locale.ROOT)).isEqualTo("x".repeat(79) + "…");
  }

  @Test
  void a_cut_never_splits_a_surrogate_pair() {
    // 😀 is two chars; chars 8 and 9 of "1234567😀89" are its halves.
    assertThat(XmlText.lead("1234567😀89", 9, Locale.ROOT)).isEqualTo("1234567…");
    assertThat(XmlText.lead("1234567😀89", 10, Locale.ROOT)).isEqualTo("1234567😀…");
  }

  @Test
  void a_cut_never_splits_a_grapheme() {
    // A family emoji is one grapheme of eight chars (three emoji and two zero-width joiners).
    String family = "👩‍👩‍👧";
    assertThat(XmlText.lead("ab" + family + "cdef", 8, Locale.ROOT)).isEqualTo("ab…");
    // e + combining acute accent is one grapheme of two chars.
    assertThat(XmlText.lead("abcde\u0301fgh", 6, Locale.ROOT)).isEqualTo("abcd…");
  }

  @Test
  void a_lead_needs_room() {
    assertThatThrownBy(() -> XmlText.lead("abc", 1, Locale.ROOT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
