package org.gazette.feed;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Serves feeds: finds the scope an address names, then the cached rendering, sent with conditional GET. */
public final class FeedRoutes {

    private final java.util.function.Supplier<FeedScopes> scopes;
    private final FeedGenerator generator;
    private final Map<FeedFormat, FeedRenderer> renderers = new EnumMap<>(FeedFormat.class);
    private final FeedCache cache;

    /** Scopes named after the site's current name, which the back office may change. */
    public FeedRoutes(java.util.function.Supplier<FeedScopes> scopes, FeedGenerator generator, FeedCache cache) {
        this.scopes = scopes;
        this.generator = generator;
        this.cache = cache;
        for (FeedRenderer renderer : List.of(new RssRenderer(), new AtomRenderer(), new JsonFeedRenderer())) {
            renderers.put(renderer.format(), renderer);
        }
    }

    public void site(Context ctx, FeedFormat format) {
        serve(ctx, scopes.get().site(), format);
    }

    public void section(Context ctx, FeedFormat format) {
        bySlug(ctx, format, slug -> scopes.get().section(slug));
    }

    public void tag(Context ctx, FeedFormat format) {
        bySlug(ctx, format, slug -> scopes.get().tag(slug));
    }

    public void author(Context ctx, FeedFormat format) {
        bySlug(ctx, format, slug -> scopes.get().author(slug));
    }

    public void source(Context ctx, FeedFormat format) {
        bySlug(ctx, format, slug -> scopes.get().source(slug));
    }

    /** Serves any scope's feed; the search feed plugs in here with {@link FeedScopes#search}. */
    public void serve(Context ctx, FeedScope scope, FeedFormat format) {
        ConditionalGet.send(ctx, cache.get(scope.cacheKey(format), () -> {
            FeedDocument doc = generator.generate(scope);
            return Representation.of(format.contentType(), renderers.get(format).render(doc),
                    Representation.latest(doc.updated(), cache.lastChange()));
        }));
    }

    public FeedScopes scopes() {
        return scopes.get();
    }

    private void bySlug(Context ctx, FeedFormat format, Function<String, Optional<FeedScope>> find) {
        serve(ctx, find.apply(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new), format);
    }
}
