package org.gazette.support;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** XML for tests, read the way a careful client reads it: no DTDs, no external entities or schemas. */
public final class SecureXml {

    private SecureXml() {
    }

    /** A feed as ROME reads it, with doctypes refused. */
    public static SyndFeed feed(String xml) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false);
        return input.build(new StringReader(xml));
    }

    /** A namespace-aware DOM, refusing doctypes and external entities. */
    public static Document dom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** A schema from test resources ({@code /xsd/...}); no schema may fetch anything from outside. */
    public static Schema schema(String... resources) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Source[] sources = new Source[resources.length];
        for (int i = 0; i < resources.length; i++) {
            URL url = SecureXml.class.getResource(resources[i]);
            if (url == null) {
                throw new IllegalArgumentException("No test resource " + resources[i]);
            }
            sources[i] = new StreamSource(url.openStream(), url.toString());
        }
        return factory.newSchema(sources);
    }

    /** Validates a document against a schema; throws SAXException naming the first problem. */
    public static void validate(Schema schema, String xml) throws Exception {
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new StringReader(xml)));
    }
}
