package dev.microblog.generator.rendering.feeds;

import static dev.microblog.generator.rendering.feeds.XmlDocument.dateTime;
import static dev.microblog.generator.rendering.feeds.XmlDocument.element;

import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Sitemaps (sitemaps.org protocol 0.9) as UTF-8 bytes: a {@code urlset} whose URLs name their
 * other-language versions with {@code xhtml:link}, and a {@code sitemapindex}. This writes what it
 * is given; {@link SitemapSplitter} keeps each file within {@link SitemapLimits}.
 */
public final class SitemapRenderer {
  public static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
  public static final String XHTML = "http://www.w3.org/1999/xhtml";
  public static final String CONTENT_TYPE = "application/xml";

  private SitemapRenderer() {}

  public static byte[] urlset(List<SitemapUrl> urls) {
    return XmlDocument.write(
        xml -> {
          root(xml, "urlset");
          xml.setPrefix("xhtml", XHTML);
          xml.writeNamespace("xhtml", XHTML);
          for (SitemapUrl url : urls) {
            url(xml, url);
          }
          xml.writeEndElement();
        });
  }

  public static byte[] index(List<SitemapRef> sitemaps) {
    return XmlDocument.write(
        xml -> {
          root(xml, "sitemapindex");
          for (SitemapRef sitemap : sitemaps) {
            xml.writeStartElement(NAMESPACE, "sitemap");
            location(xml, sitemap.loc(), sitemap.lastModified());
            xml.writeEndElement();
          }
          xml.writeEndElement();
        });
  }

  private static void root(XMLStreamWriter xml, String name) throws XMLStreamException {
    xml.setDefaultNamespace(NAMESPACE);
    xml.writeStartElement(NAMESPACE, name);
    xml.writeDefaultNamespace(NAMESPACE);
  }

  private static void url(XMLStreamWriter xml, SitemapUrl url) throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, "url");
    location(xml, url.loc(), url.lastModified());
    for (SitemapUrl.Alternate alternate : url.alternates()) {
      xml.writeEmptyElement(XHTML, "link");
      xml.writeAttribute("rel", "alternate");
      xml.writeAttribute("hreflang", alternate.hreflang());
      xml.writeAttribute("href", alternate.href());
    }
    xml.writeEndElement();
  }

  private static void location(XMLStreamWriter xml, String loc, Instant lastModified)
      throws XMLStreamException {
    element(xml, NAMESPACE, "loc", loc);
    if (lastModified != null) {
      element(xml, NAMESPACE, "lastmod", dateTime(lastModified));
    }
  }
}
