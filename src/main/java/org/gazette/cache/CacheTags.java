package org.gazette.cache;

import io.javalin.http.Context;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.gazette.article.Article;
import org.gazette.article.ArticleFacets;
import org.gazette.article.ArticleStore;

/**
 * What a page being rendered depends on, noted by its handler so the page cache can drop it
 * exactly when one of those things changes. One per request: {@code CacheTags.of(ctx)}.
 *
 * <ul>
 *   <li>{@link #article(Article)}: the page shows this article (its page, a teaser, a related link).
 *       Pages rendered through {@code Pages.html} note every article in their model by themselves.</li>
 *   <li>{@link #listing(String)}: the page lists the articles of a section, tag, author or source
 *       ({@link ArticleFacets} names them), so it changes when any article joins or leaves it.</li>
 *   <li>{@link #latest()}: the page lists the newest articles site-wide (home, feeds, sitemaps).</li>
 *   <li>{@link #search()}: the page shows search results.</li>
 *   <li>{@link #noStore()}: this response must not be kept at all.</li>
 * </ul>
 */
public final class CacheTags {

    /** Pages listing the newest articles of the whole site: dropped on every article change. */
    public static final String LATEST = "listing:latest";
    /** Every page listing a section, tag, author or source. */
    public static final String LISTINGS = "listing:any";
    /** Search result pages: dropped on every article change, as any change may alter results. */
    public static final String SEARCH = "search";

    private static final String ATTRIBUTE = CacheTags.class.getName();
    private static final int MAX_DEPTH = 4;
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private final Set<String> tags = new LinkedHashSet<>();
    private boolean noStore;

    /** The tags of the request being handled, created on first use. */
    public static CacheTags of(Context ctx) {
        CacheTags tags = ctx.attribute(ATTRIBUTE);
        if (tags == null) {
            tags = new CacheTags();
            ctx.attribute(ATTRIBUTE, tags);
        }
        return tags;
    }

    public static String articleTag(long id) {
        return "article:" + id;
    }

    public CacheTags add(String tag) {
        tags.add(tag);
        return this;
    }

    public CacheTags article(Article article) {
        return add(articleTag(article.id()));
    }

    public CacheTags articles(Collection<Article> articles) {
        articles.forEach(this::article);
        return this;
    }

    /** The page lists the articles filed under {@code facet}, e.g. {@code ArticleFacets.section(id)}. */
    public CacheTags listing(String facet) {
        tags.add(LISTINGS);
        return add(facet);
    }

    public CacheTags latest() {
        return add(LATEST);
    }

    public CacheTags search() {
        return add(SEARCH);
    }

    /** Keep this response out of the cache (it is personal, or too short-lived to be worth it). */
    public CacheTags noStore() {
        noStore = true;
        return this;
    }

    public boolean isNoStore() {
        return noStore;
    }

    public Set<String> tags() {
        return tags;
    }

    /**
     * Notes every article found in a page's model, whole or as a link: directly, in collections and
     * maps, and in the components of records (teasers, search results, section fronts), a few levels deep.
     */
    public CacheTags shown(Object model) {
        walk(model, 0);
        return this;
    }

    private void walk(Object value, int depth) {
        if (value == null || depth > MAX_DEPTH || value instanceof CharSequence || value instanceof Number) {
            return;
        }
        if (value instanceof Article article) {
            article(article);
        } else if (value instanceof ArticleStore.Link link) {
            add(articleTag(link.id()));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(v, depth + 1));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(v -> walk(v, depth + 1));
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                walk(item, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (Method accessor : ACCESSORS.get(value.getClass())) {
                try {
                    walk(accessor.invoke(value), depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + accessor, e);
                }
            }
        }
    }
}
