package org.gazette.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.gazette.Site;
import org.gazette.publish.ArticleFile;
import org.gazette.publish.ArticleFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the bundled sample articles into an empty database, once in the site's life. */
public final class SampleContent {

    private static final Logger LOG = LoggerFactory.getLogger(SampleContent.class);
    private static final String FOLDER = "/sample/articles/";
    private static final String LOADED = "sample-content-loaded";

    private SampleContent() {
    }

    /** Returns how many articles were loaded; 0 when switched off, already loaded once, or the site has articles. */
    public static int loadIfEmpty(Site site) throws IOException {
        if (!site.settings().getBoolean("site.sample-content")) {
            return 0;
        }
        var jdbi = site.database().jdbi();
        boolean loadedBefore = jdbi.withHandle(h -> h.createQuery("select count(*) from site_state where name = :n")
                .bind("n", LOADED).mapTo(Integer.class).one()) > 0;
        if (loadedBefore || jdbi.withHandle(h -> h.createQuery("select count(*) from article").mapTo(Integer.class).one()) > 0) {
            return 0;
        }
        int count = 0;
        for (String name : list()) {
            var file = new ArticleFile(name, site.settings().get("site.language"), site.settings().timeZone());
            try {
                site.publisher().publish(file.parse(read(FOLDER + name), Instant.now()));
                count++;
            } catch (ArticleFileException e) {
                throw new IllegalStateException("Bundled sample article is broken: " + e.getMessage(), e);
            }
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into site_state (name, state) values (:n, :v)")
                    .bind("n", LOADED).bind("v", Instant.now().toString()).execute());
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Another server sharing the database loaded them at the same moment; publishing by slug kept one copy.
            LOG.debug("Sample content marker already written", e);
        }
        site.settle();
        LOG.info("Loaded {} sample articles", count);
        return count;
    }

    static List<String> list() throws IOException {
        return read("/sample/articles.list").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SampleContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
