package org.gazette.site;

import org.gazette.article.Article;
import org.gazette.article.BodyRenderer;

/** An article as a listing shows it: headline, one line of teaser, where it lives and when it went out. */
public record Teaser(Article article, String text) {

    private static final int LENGTH = 180;

    public static Teaser of(Article article) {
        return new Teaser(article, text(article.deck(), article.bodyHtml()));
    }

    /** The line under a headline: the deck, or else the opening of the body. */
    public static String text(String deck, String bodyHtml) {
        return deck != null ? deck : BodyRenderer.teaser(BodyRenderer.opening(bodyHtml, LENGTH + 1), LENGTH);
    }
}
