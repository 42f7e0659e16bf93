package dev.microblog.generator.rendering.feeds;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Rendered documents read back with the JDK's parser, as a feed reader or a crawler reads them. */
final class XmlParsing {
  private XmlParsing() {}

  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  static List<Element> elements(Element parent, String ns, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(ns, name);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  /** The one child element of that name, directly under the parent. */
  static Element child(Element parent, String ns, String name) {
    List<Element> direct =
        elements(parent, ns, name).stream().filter(e -> e.getParentNode() == parent).toList();
    if (direct.size() != 1) {
      throw new AssertionError(direct.size() + " " + name + " elements under " + parent);
    }
    return direct.get(0);
  }
}
