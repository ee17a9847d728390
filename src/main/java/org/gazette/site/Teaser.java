package org.gazette.site;

import org.gazette.article.Article;
import org.gazette.article.BodyRenderer;

/** An article as a listing shows it: headline, one line of teaser, where it lives and when it went out. */
public record Teaser(Article article, String text) {

    private static final int LENGTH = 180;

    public static Teaser of(Article article) {
        String text = article.deck() != null ? article.deck()
                : BodyRenderer.teaser(BodyRenderer.opening(article.bodyHtml(), LENGTH + 1), LENGTH);
        return new Teaser(article, text);
    }
}
