package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gazette.article.Article;
import org.gazette.catalog.Author;
import org.gazette.catalog.Tag;
import org.gazette.publish.Submission;
import org.gazette.support.SampleSite;
import org.junit.jupiter.api.Test;

/** Related stories on the sample archive: about the same subject, and never out of date with the stories they name. */
class RelatedStoriesTest extends SampleSite {

    private static final String PORT_DEAL = "oduya-brokers-deal-to-end-castelmar-port-strike-after-24-days";
    private static final String DAM_TALKS = "veloria-and-castrane-reopen-talks-on-the-sarn-river-dam";
    private static final String RESERVOIR = "castrane-begins-filling-halden-reservoir-drawing-sharp-protest-from-veloria";

    @Test
    void storiesAboutTheSameEventComeFirst() throws Exception {
        List<String> related = slugs(site.site().search().related(id(PORT_DEAL), 5));
        assertThat(related).hasSize(5)
                .contains("dockworkers-walk-out-at-castelmar-halting-veloria-s-busiest-port",
                        "shipping-lines-reroute-cargo-as-castelmar-strike-enters-second-week")
                .doesNotContain(PORT_DEAL, "forgotten-logbooks-reveal-a-19th-century-sighting-of-this-winter-s-comet");
    }

    @Test
    void aStoryRewrittenAboutSomethingElseLeavesTheListsThatNamedItAtOnce() throws Exception {
        ArticleSearch search = site.site().search();
        long reservoir = id(RESERVOIR);
        assertThat(search.related(id(DAM_TALKS), 5)).as("kept from this first reading").contains(reservoir);
        Article before = site.site().articles().byId(reservoir).orElseThrow();
        try {
            site.site().publish(rewrite(before, "Amateur Astronomers Photograph a Faint Comet",
                    "Observers on a hilltop caught the comet's tail with small telescopes and long exposures.",
                    List.of("Astronomy")));
            assertThat(search.related(id(DAM_TALKS), 5)).doesNotContain(reservoir);
        } finally {
            site.site().publish(rewrite(before, before.headline(), before.bodyMarkdown(),
                    before.tags().stream().map(Tag::name).toList()));
        }
    }

    @Test
    void aListWorkedOutWhileTheIndexChangedIsNotKept() {
        RelatedLists lists = new RelatedLists(10);
        AtomicInteger workedOut = new AtomicInteger();
        long[] first = lists.get(1, id -> {
            workedOut.incrementAndGet();
            lists.forget(List.of(99L)); // a change lands while this list is being worked out
            return new long[] {2, 3};
        });
        assertThat(first).containsExactly(2, 3);
        lists.get(1, id -> new long[] {workedOut.incrementAndGet()});
        lists.get(1, id -> new long[] {workedOut.incrementAndGet()});
        assertThat(workedOut).as("worked out again once, then kept").hasValue(2);
        lists.forget(List.of(2L));
        assertThat(lists.get(1, id -> new long[] {7})).as("a list naming a changed story is dropped").containsExactly(7);
    }

    private static Submission rewrite(Article a, String headline, String body, List<String> tags) {
        return new Submission(a.slug(), headline, a.deck(), body, a.section().name(), tags,
                a.byline().authors().stream().map(Author::name).toList(),
                a.byline().isRepublished() ? a.byline().source().name() : null, null, a.byline().originalUrl(),
                a.publishedAt(), a.language(), a.image());
    }

    private static long id(String slug) {
        return site.site().articles().bySlug(slug).orElseThrow().id();
    }

    private static List<String> slugs(List<Long> ids) {
        return site.site().articles().byIds(ids).stream().map(Article::slug).toList();
    }
}
