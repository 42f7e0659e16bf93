package dev.microblog.site;

import java.io.Writer;

/**
 * Where a page is rendered: a {@link Writer} over a {@link StringBuilder}. {@link
 * java.io.StringWriter} keeps a {@code StringBuffer}, which takes a lock for each character that
 * Mustache escapes, and a full build escapes every post many times.
 */
final class TextBuffer extends Writer {
  /** A page of the site is a few kilobytes: most never grow the buffer. */
  private static final int PAGE_CHARS = 16 * 1024;

  private final StringBuilder text = new StringBuilder(PAGE_CHARS);

  @Override
  public void write(int c) {
    text.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    text.append(s, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence chars) {
    text.append(chars);
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
