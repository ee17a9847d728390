package org.gazette.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Tag;

/** Type-ahead for the editor's tag field: existing tags starting with what was typed. */
public final class TagSuggestions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CatalogStore catalog;

    public TagSuggestions(CatalogStore catalog) {
        this.catalog = catalog;
    }

    public void show(Context ctx) throws IOException {
        AdminGuard.account(ctx);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        var names = q.isEmpty() ? java.util.List.<String>of() : catalog.tagsStartingWith(q, 10).stream().map(Tag::name).toList();
        ctx.contentType("application/json").result(JSON.writeValueAsString(names));
    }
}
