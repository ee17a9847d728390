package org.gazette.support;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gazette.Site;
import org.gazette.article.LeadImage;
import org.gazette.publish.Publisher;
import org.gazette.publish.Submission;

/**
 * An article written to break feeds: markup characters, quotes, emoji, right-to-left text,
 * CDATA end markers and control characters XML forbids, in the headline, deck, body and byline.
 */
public final class HostileArticle {

    public static final String SLUG = "hostile-article";
    /** Contains U+0001, U+000B and U+FFFE, which XML 1.0 forbids. */
    public static final String HEADLINE = "Tom & Jerry <b>\"quoted\"</b> 'single' ]]> 🎉 שלום עולם \u0001\u000B\uFFFE end";
    /** The headline as it must come out of any XML feed: the forbidden characters dropped, nothing else touched. */
    public static final String HEADLINE_CLEAN = "Tom & Jerry <b>\"quoted\"</b> 'single' ]]> 🎉 שלום עולם  end";
    public static final String DECK = "A deck with ]]> and & and <script>alert(1)</script> and \u0008 a backspace";
    public static final String DECK_CLEAN = "A deck with ]]> and & and <script>alert(1)</script> and  a backspace";
    public static final String AUTHOR = "Zoë O'Brien & <Co>";
    public static final String TAG = "R&D <Lab>";
    public static final String IMAGE_ALT = "A comet & <its> \"tail\" ]]>\u0007";
    public static final String BODY = """
            The first paragraph ends a CDATA section: ]]> and then another one ]]]]>.

            A [relative link](/section/world), [another](/tag/water?page=2&x=1) and a picture:
            ![A comet](/assets/sample/comet-archive.svg)

            Control characters \u0002 and \u001F must vanish; emoji 🛰️ and Arabic مرحبا بالعالم must stay.

            <script>alert('nope')</script>
            """;

    private HostileArticle() {
    }

    public static Submission submission(String headline, Instant published) {
        return submission(SLUG, headline, published);
    }

    public static Submission submission(String slug, String headline, Instant published) {
        return new Submission(slug, headline, DECK, BODY, "World", List.of("Water", TAG), List.of(AUTHOR), null, null, null,
                published, "en", new LeadImage("/assets/sample/comet-archive.svg", IMAGE_ALT, "Caption"));
    }

    /** Publishes it through the site, dated a minute ago, so it leads every feed it belongs to. */
    public static Publisher.Published publish(Site site) throws IOException {
        return site.publish(submission(HEADLINE, Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)));
    }
}
