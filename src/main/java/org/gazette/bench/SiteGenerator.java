package org.gazette.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.article.LeadImage;
import org.gazette.catalog.Slugs;
import org.gazette.publish.ArticleFile;
import org.gazette.publish.ArticleFileException;
import org.gazette.publish.Submission;

/**
 * Makes a newsroom's archive for the benchmark: any number of articles whose words, people,
 * sections, tags and outlets come from the bundled sample articles. Article {@code i} is always
 * the same for the same seed, whatever order they are made in; article 0 is the newest.
 */
public final class SiteGenerator {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final String[] EXTRA_SECTIONS = {"Culture", "Sport", "Health", "Technology"};
    private static final Duration SPACING = Duration.ofMinutes(30);
    private static final int TAGS = 300;

    private final long seed;
    private final Instant newest;
    private final List<String> words = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> authors = new ArrayList<>();
    private final List<String[]> sources = new ArrayList<>(); // name, home page
    private final List<LeadImage> images = new ArrayList<>();

    private SiteGenerator(long seed, Instant newest) {
        this.seed = seed;
        this.newest = newest;
    }

    /** A generator whose vocabulary is drawn from the sample articles bundled with Gazette. */
    public static SiteGenerator fromSamples(long seed, Instant newest) throws IOException {
        SiteGenerator generator = new SiteGenerator(seed, newest);
        generator.learn();
        return generator;
    }

    private void learn() throws IOException {
        Map<String, Integer> frequency = new LinkedHashMap<>();
        LinkedHashSet<String> firstNames = new LinkedHashSet<>();
        LinkedHashSet<String> lastNames = new LinkedHashSet<>();
        LinkedHashSet<String> sampleSections = new LinkedHashSet<>();
        LinkedHashSet<String> sampleTags = new LinkedHashSet<>();
        for (String name : read("/sample/articles.list").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Submission sample;
            try {
                sample = new ArticleFile(name, "en", java.time.ZoneOffset.UTC).parse(read("/sample/articles/" + name), Instant.EPOCH);
            } catch (ArticleFileException e) {
                throw new IllegalStateException("Bundled sample article is broken: " + e.getMessage(), e);
            }
            if (!"en".equals(sample.language())) {
                continue; // one language's words make a readable archive
            }
            Matcher m = WORD.matcher(sample.bodyMarkdown().replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1"));
            while (m.find()) {
                String word = m.group();
                words.add(word);
                frequency.merge(word.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            sampleSections.add(sample.section());
            sampleTags.addAll(sample.tags());
            for (String author : sample.authors()) {
                String[] parts = author.split(" ", 2);
                firstNames.add(parts[0]);
                lastNames.add(parts[1]);
            }
            if (sample.source() != null && sources.stream().noneMatch(s -> s[0].equals(sample.source()))) {
                sources.add(new String[] {sample.source(), sample.sourceUrl()});
            }
            if (sample.image() != null) {
                images.add(sample.image());
            }
        }
        sections.addAll(sampleSections);
        sections.addAll(List.of(EXTRA_SECTIONS));
        tags.addAll(sampleTags);
        frequency.entrySet().stream()
                .filter(e -> e.getKey().length() >= 5 && e.getKey().chars().allMatch(Character::isLetter))
                .sorted((a, b) -> b.getValue() - a.getValue())
                .map(e -> capitalize(e.getKey()))
                .filter(t -> !tags.contains(t))
                .limit(TAGS - tags.size())
                .forEach(tags::add);
        for (String first : firstNames) {
            for (String last : lastNames) {
                authors.add(first + " " + last);
            }
        }
    }

    public List<String> sections() {
        return List.copyOf(sections);
    }

    /** Words a reader might search for: the vocabulary's longer words, most frequent first. */
    public List<String> searchWords(int count) {
        return tags.stream().filter(t -> t.length() >= 5).limit(count).map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /** The address article {@code i} will have once published. */
    public String path(int i) {
        return "/articles/" + article(i).slug();
    }

    /** Article {@code i}: published {@code i} half-hours before the newest. */
    public Submission article(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        String headline = capitalize(sentence(r, 5 + r.nextInt(7), true));
        String deck = r.nextInt(10) < 7 ? sentence(r, 12 + r.nextInt(10), false) + "." : null;
        StringBuilder body = new StringBuilder();
        int paragraphs = 6 + r.nextInt(5);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0 && r.nextInt(10) == 0) {
                body.append("> \u201C").append(capitalize(sentence(r, 10 + r.nextInt(10), false))).append(".\u201D\n\n");
                continue;
            }
            int sentences = 2 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                String text = capitalize(sentence(r, 8 + r.nextInt(15), false));
                if (s == 1 && r.nextInt(8) == 0) {
                    int cut = text.indexOf(' ');
                    text = "[" + text.substring(0, cut) + "](https://example.org/reports/" + i + ")" + text.substring(cut);
                }
                body.append(text).append(". ");
            }
            body.setLength(body.length() - 1);
            body.append("\n\n");
        }
        List<String> articleTags = new ArrayList<>();
        int tagCount = 1 + r.nextInt(4);
        while (articleTags.size() < tagCount) {
            String tag = tags.get(skewed(r, tags.size()));
            if (!articleTags.contains(tag)) {
                articleTags.add(tag);
            }
        }
        boolean republished = !sources.isEmpty() && r.nextInt(10) == 0;
        List<String> byline = new ArrayList<>();
        String[] source = null;
        if (republished) {
            source = sources.get(r.nextInt(sources.size()));
        } else {
            byline.add(authors.get(r.nextInt(authors.size())));
            if (r.nextInt(5) == 0) {
                String second = authors.get(r.nextInt(authors.size()));
                if (!byline.contains(second)) {
                    byline.add(second);
                }
            }
        }
        LeadImage image = !images.isEmpty() && r.nextInt(5) == 0 ? images.get(r.nextInt(images.size())) : null;
        String slug = Slugs.of(headline);
        slug = (slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug) + "-" + i;
        return new Submission(slug, headline, deck, body.toString().strip(), sections.get(skewed(r, sections.size())),
                articleTags, byline, source == null ? null : source[0], source == null ? null : source[1],
                source == null ? null : source[1] + "archive/" + i, newest.minus(SPACING.multipliedBy(i)), "en", image);
    }

    /** Favours the first entries of a list, as real traffic and tagging do. */
    private static int skewed(SplittableRandom r, int size) {
        double u = r.nextDouble();
        return (int) (size * u * u);
    }

    private String sentence(SplittableRandom r, int length, boolean title) {
        StringBuilder s = new StringBuilder();
        // Runs of the samples' own word order read more like news than words drawn one by one.
        int run = 0;
        int at = 0;
        for (int w = 0; w < length; w++) {
            if (run == 0) {
                at = r.nextInt(words.size());
                run = 2 + r.nextInt(4);
            }
            String word = words.get(at % words.size());
            s.append(w == 0 ? word : title ? capitalize(word) : word).append(' ');
            at++;
            run--;
        }
        return s.toString().strip();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SiteGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing bundled resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
