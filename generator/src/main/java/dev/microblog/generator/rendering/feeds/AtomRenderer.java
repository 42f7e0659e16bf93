package dev.microblog.generator.rendering.feeds;

import static dev.microblog.generator.rendering.feeds.XmlDocument.dateTime;
import static dev.microblog.generator.rendering.feeds.XmlDocument.element;

import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) as UTF-8 bytes. Every entry names its author, so the feed needs none
 * of its own (4.1.1); its text is plain text ({@code type="text"}), never HTML, so nothing a post
 * says can become markup in a feed reader.
 */
public final class AtomRenderer {
  public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
  public static final String CONTENT_TYPE = "application/atom+xml";

  /** An entry's title is its text's start, at most this many UTF-16 chars (the ellipsis too). */
  public static final int TITLE_CHARS = 80;

  private AtomRenderer() {}

  public static byte[] render(AtomFeed feed) {
    return XmlDocument.write(xml -> feed(xml, feed));
  }

  /** The title an entry with this text gets: what a reader sees in its list of entries. */
  public static String title(String text, String lang) {
    return XmlText.lead(XmlText.clean(text), TITLE_CHARS, Locale.forLanguageTag(lang));
  }

  private static void feed(XMLStreamWriter xml, AtomFeed feed) throws XMLStreamException {
    xml.setDefaultNamespace(NAMESPACE);
    xml.writeStartElement(NAMESPACE, "feed");
    xml.writeDefaultNamespace(NAMESPACE);
    lang(xml, feed.lang());
    element(xml, NAMESPACE, "id", feed.id());
    element(xml, NAMESPACE, "title", XmlText.clean(feed.title()));
    element(xml, NAMESPACE, "updated", dateTime(feed.updated()));
    link(xml, "self", CONTENT_TYPE, feed.selfUrl());
    link(xml, "alternate", "text/html", feed.alternateUrl());
    for (AtomFeed.Entry entry : feed.entries()) {
      entry(xml, entry);
    }
    xml.writeEndElement();
  }

  private static void entry(XMLStreamWriter xml, AtomFeed.Entry entry) throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, "entry");
    lang(xml, entry.lang());
    element(xml, NAMESPACE, "id", entry.id());
    element(xml, NAMESPACE, "title", title(entry.text(), entry.lang()));
    element(xml, NAMESPACE, "published", dateTime(entry.published()));
    element(xml, NAMESPACE, "updated", dateTime(entry.updated()));
    link(xml, "alternate", "text/html", entry.url());
    xml.writeStartElement(NAMESPACE, "author");
    element(xml, NAMESPACE, "name", XmlText.clean(entry.authorName()));
    element(xml, NAMESPACE, "uri", entry.authorUrl());
    xml.writeEndElement();
    xml.writeStartElement(NAMESPACE, "content");
    xml.writeAttribute("type", "text");
    xml.writeCharacters(XmlText.clean(entry.text()));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement(NAMESPACE, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }

  private static void lang(XMLStreamWriter xml, String tag) throws XMLStreamException {
    xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", tag);
  }
}
