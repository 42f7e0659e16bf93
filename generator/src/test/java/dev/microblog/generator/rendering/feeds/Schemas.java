package dev.microblog.generator.rendering.feeds;

import com.thaiopensource.relaxng.jaxp.CompactSyntaxSchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The published schemas, as validators that list every error: RFC 4287's RELAX NG grammar (read by
 * Jing) and the sitemaps.org XML Schemas (read by the JDK).
 */
final class Schemas {
  static final Schema ATOM = load(new CompactSyntaxSchemaFactory(), "atom.rnc");
  // sitemap.xsd admits other namespaces' elements strictly, so xhtml:link needs its declaration.
  static final Schema SITEMAP = xsd("sitemap.xsd", "xhtml-link.xsd");
  static final Schema SITEMAP_INDEX = xsd("siteindex.xsd");

  private Schemas() {}

  /** What the schema finds wrong with the document; empty when it is valid. */
  static List<String> errors(Schema schema, byte[] document) {
    List<String> errors = new ArrayList<>();
    Validator validator = schema.newValidator();
    validator.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        });
    try {
      validator.validate(new StreamSource(new ByteArrayInputStream(document)));
    } catch (SAXException e) {
      if (errors.isEmpty()) {
        errors.add(e.getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }

  private static Schema xsd(String... names) {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Source[] sources = new Source[names.length];
    for (int i = 0; i < names.length; i++) {
      sources[i] = new StreamSource(resource(names[i]).toExternalForm());
    }
    try {
      return factory.newSchema(sources);
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Schema load(SchemaFactory factory, String name) {
    try {
      return factory.newSchema(resource(name));
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URL resource(String name) {
    URL url = Schemas.class.getResource("/schemas/" + name);
    if (url == null) {
      throw new IllegalStateException("no schema " + name + " on the test class path");
    }
    return url;
  }
}
