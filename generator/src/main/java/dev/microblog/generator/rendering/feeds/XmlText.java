package dev.microblog.generator.rendering.feeds;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Text made fit for an XML 1.0 document. Posts are user input, and a writer escapes markup ({@code
 * <}, {@code &}) but cannot escape a character XML 1.0 forbids outright: control characters other
 * than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. One such character makes the whole
 * feed unreadable to every reader of it, so they are dropped.
 */
public final class XmlText {
  private XmlText() {}

  /**
   * The text without the characters XML 1.0 forbids, and with its line breaks as a parser would
   * read them back (CR LF and lone CR become LF): what a reader of the document gets is exactly
   * what this returns.
   */
  public static String clean(String text) {
    String lines = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder kept = new StringBuilder(lines.length());
    // Code points, not chars: a lone surrogate comes out as one in the surrogate range.
    lines.codePoints().filter(XmlText::allowed).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** XML 1.0's Char production (section 2.2). */
  static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /**
   * The start of a text, for a title: whitespace runs become one space, and a text longer than
   * {@code maxChars} is cut at the last user-perceived character (grapheme) boundary that fits,
   * followed by an ellipsis. Never inside a surrogate pair, an emoji sequence or a letter with its
   * combining marks; so a title may be a little shorter than the limit, never longer (the ellipsis
   * included).
   */
  public static String lead(String text, int maxChars, Locale locale) {
    if (maxChars < 2) {
      throw new IllegalArgumentException("a lead needs room for a character and the ellipsis");
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= maxChars) {
      return flat;
    }
    BreakIterator graphemes = BreakIterator.getCharacterInstance(locale);
    graphemes.setText(flat);
    int cut = graphemes.preceding(maxChars); // room for the ellipsis: boundary at or before max-1
    return flat.substring(0, cut).stripTrailing() + "…";
  }
}
