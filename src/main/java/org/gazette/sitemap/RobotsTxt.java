package org.gazette.sitemap;

import io.javalin.http.Context;
import java.time.Instant;
import org.gazette.feed.ConditionalGet;
import org.gazette.feed.Representation;

/**
 * {@code /robots.txt}: every crawler welcome, and where the sitemaps are: the index, which names the
 * article and page sitemaps, and the news sitemap while it has articles.
 */
public final class RobotsTxt {

    private final Representation body;

    public RobotsTxt(String baseUrl, Instant startedAt) {
        String text = "User-agent: *\n"
                + "Disallow:\n"
                + "\n"
                + "Sitemap: " + baseUrl + Sitemaps.INDEX + "\n";
        this.body = Representation.of("text/plain; charset=utf-8", text, startedAt);
    }

    public void show(Context ctx) {
        ConditionalGet.send(ctx, body);
    }
}
