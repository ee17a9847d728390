package org.gazette.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.article.ArticleStatus;
import org.gazette.article.Byline;
import org.gazette.catalog.Author;
import org.gazette.catalog.Section;
import org.gazette.catalog.Slugs;
import org.gazette.catalog.Source;
import org.gazette.catalog.Tag;
import org.gazette.publish.Submission;

/**
 * Generated submissions as published articles without a database, for measuring the index alone:
 * ids count from 1, catalog entries are made up once per name, and paragraphs become {@code <p>}
 * elements as the body renderer would make them.
 */
public final class InMemoryArticles {

    private final Map<String, Section> sections = new HashMap<>();
    private final Map<String, Tag> tags = new HashMap<>();
    private final Map<String, Author> authors = new HashMap<>();
    private final Map<String, Source> sources = new HashMap<>();
    private long nextId = 1;

    public Article publish(Submission s) {
        long id = nextId++;
        Section section = sections.computeIfAbsent(s.section(), n -> new Section(sections.size() + 1, Slugs.of(n), n, null, 0));
        List<Tag> articleTags = new ArrayList<>();
        for (String t : s.tags()) {
            articleTags.add(tags.computeIfAbsent(t, n -> new Tag(tags.size() + 1, Slugs.of(n), n)));
        }
        Byline byline = s.source() != null
                ? Byline.republished(sources.computeIfAbsent(s.source(), n -> new Source(sources.size() + 1, Slugs.of(n), n, s.sourceUrl())),
                        s.originalUrl())
                : Byline.staff(s.authors().stream()
                        .map(a -> authors.computeIfAbsent(a, n -> new Author(authors.size() + 1, Slugs.of(n), n, null))).toList());
        StringBuilder html = new StringBuilder();
        for (String paragraph : s.bodyMarkdown().split("\n\n")) {
            html.append("<p>").append(paragraph.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return new Article(id, s.slug(), s.headline(), s.deck(), s.bodyMarkdown(), html.toString(), section, articleTags,
                byline, ArticleStatus.PUBLISHED, s.language(), null, s.published(), s.published());
    }

    public List<Article> publish(List<Submission> submissions) {
        List<Article> out = new ArrayList<>(submissions.size());
        submissions.forEach(s -> out.add(publish(s)));
        return out;
    }
}
