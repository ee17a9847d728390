package org.gazette.seo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON-LD as it goes into a {@code <script type="application/ld+json">} data block. Every {@code <}
 * is written as {@code \u003c}, so no text in it can close the script element or open a comment.
 */
public final class JsonLd {

    public static final String CONTEXT = "https://schema.org";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {
    }

    /** A new document of the given schema.org type. */
    public static ObjectNode document(String type) {
        return JSON.createObjectNode().put("@context", CONTEXT).put("@type", type);
    }

    public static ObjectNode node(String type) {
        return JSON.createObjectNode().put("@type", type);
    }

    public static String script(ObjectNode document) {
        try {
            return JSON.writeValueAsString(document).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON-LD", e);
        }
    }
}
