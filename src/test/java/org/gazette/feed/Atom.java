package org.gazette.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads Atom documents element by element, to check RFC 4287's counting rules. */
final class Atom {

    static final String NS = "http://www.w3.org/2005/Atom";

    private Atom() {
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static void assertExactlyOne(Element parent, String... names) {
        for (String name : names) {
            assertThat(children(parent, name)).as("atom:%s in %s", name, parent.getLocalName()).hasSize(1);
        }
    }

    static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    /** RFC 4287 4.1.1: at most one alternate link per type and language; we have exactly one. */
    static List<Element> alternateLinks(Element entry) {
        return children(entry, "link").stream()
                .filter(l -> l.getAttribute("rel").isEmpty() || l.getAttribute("rel").equals("alternate"))
                .toList();
    }
}
