package dev.microblog.generator.rendering.feeds;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One XML document in UTF-8, written with the JDK's StAX writer, which escapes markup in text and
 * attributes. The writer writes to characters, not bytes, and the bytes are encoded here: given a
 * byte stream it would itself decide which characters its encoder "cannot encode" and write those
 * as character references, one per UTF-16 unit, which for an emoji is two references to surrogates
 * and no longer XML. It is the JDK's own writer whatever else is on the class path (another one may
 * write an empty element as {@code <x/>}, and {@link SitemapSplitter} counts on how each element is
 * written).
 */
final class XmlDocument {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  /** What writes the elements of a document, between its declaration and its end. */
  @FunctionalInterface
  interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private XmlDocument() {}

  static byte[] write(Body body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to memory cannot fail", e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An element holding only text. */
  static void element(XMLStreamWriter xml, String ns, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(ns, name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  /**
   * A time as RFC 3339 / W3C datetime (what Atom dates and sitemap lastmod take), in UTC, to the
   * second: readers need no more, and the files then do not change with a clock's nanoseconds.
   */
  static String dateTime(Instant at) {
    return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
  }
}
