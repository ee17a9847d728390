package org.gazette.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Markdown bodies of the sample articles, by file name: real prose for tests that compare two readings of it. */
public final class SampleBodies {

    private SampleBodies() {
    }

    public static Map<String, String> markdown() {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String name : read("/sample/articles.list").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String source = read("/sample/articles/" + name);
            bodies.put(name, source.substring(source.indexOf("\n---", 3) + 4));
        }
        if (bodies.size() < 10) {
            throw new IllegalStateException("Expected at least ten sample articles, found " + bodies.size());
        }
        return bodies;
    }

    private static String read(String resource) {
        try (InputStream in = SampleBodies.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
