package org.gazette.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.publish.Submission;

/**
 * Makes a news archive of any size for benchmarks and quality tests: articles of realistic length
 * (a headline of 6-12 words, usually a deck, 4-14 paragraphs, about 550 words on average) written
 * in the vocabulary of the bundled sample articles, with words drawn by a Zipf law so common words
 * are common, plus a long tail of invented names. Each story repeats a few names of its own, the
 * way a real story about a person or place does. The same seed always gives the same archive.
 */
public final class ArchiveGenerator {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z]+");
    private static final String[] SYLLABLES = {"ka", "ro", "len", "mar", "vi", "tos", "bel", "dra", "shi", "qu", "an",
        "te", "lo", "ri", "sa", "dun", "pe", "gor", "mi", "hal", "ve", "zan", "tri", "os", "ne", "ul", "ba", "cor",
        "fen", "is", "ja", "ke", "wen", "do", "ly", "tam", "or", "est", "gu", "ra"};
    private static final int INVENTED = 50_000;
    private static final List<String> SECTIONS = List.of("World", "Politics", "Business", "Science", "Culture", "Sport");
    private static final Instant NEWEST = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration SPAN = Duration.ofDays(3650);

    private final Random random;
    private final String[] words;
    private final double[] cumulative;
    private final String[] invented;
    private final List<String> tags;
    private final List<String> authors;
    private final List<String> sources;
    private int serial;

    public ArchiveGenerator(long seed) {
        this.random = new Random(seed);
        List<String> sample = sampleVocabulary();
        this.invented = invent(INVENTED);
        this.words = new String[sample.size() + invented.length];
        for (int i = 0; i < sample.size(); i++) {
            words[i] = sample.get(i);
        }
        for (int i = 0; i < invented.length; i++) {
            words[sample.size() + i] = invented[i].toLowerCase(Locale.ROOT);
        }
        this.cumulative = new double[words.length];
        double sum = 0;
        for (int rank = 0; rank < words.length; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        this.tags = pool(List.of("Water", "Diplomacy", "Energy", "Parliament", "Shipping", "Labour", "Trade", "Prices",
                "Elections", "Economy", "Debate", "Climate", "Drought", "Glaciers", "Agriculture", "Astronomy", "History"), 150);
        this.authors = pool(List.of("Mara Ekwueme", "Jonas Weir", "Lucía Ferreyra", "Daniel Okafor", "Priya Castellanos"), 60,
                true);
        this.sources = List.of("Meridian Wire", "Harbor Dispatch", "Andes Ledger", "Northern Courier", "Valley Post",
                "Coastal Times", "Capital Report", "Delta Herald");
    }

    /** The next article of the archive; slugs are unique within one generator. */
    public Submission next() {
        int n = ++serial;
        String[] names = {pick(invented), pick(invented), pick(invented)};
        String headline = headline(names[0]);
        String deck = random.nextInt(10) < 7 ? sentence(15 + random.nextInt(11), names) : null;
        StringBuilder body = new StringBuilder();
        int paragraphs = 4 + random.nextInt(11);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                body.append("\n\n");
            }
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    body.append(' ');
                }
                body.append(sentence(8 + random.nextInt(18), names));
            }
        }
        List<String> articleTags = new ArrayList<>(new LinkedHashSet<>(List.of(pick(tags), pick(tags), pick(tags)))
                .stream().limit(1 + random.nextInt(3)).toList());
        boolean republished = random.nextInt(100) < 15;
        String source = republished ? pick(sources) : null;
        List<String> byline = republished ? List.of() : random.nextInt(4) == 0
                ? new ArrayList<>(new LinkedHashSet<>(List.of(pick(authors), pick(authors)))) : List.of(pick(authors));
        Instant published = NEWEST.minusSeconds((long) (random.nextDouble() * SPAN.toSeconds()));
        return new Submission("story-" + n, headline, deck, body.toString(), pick(SECTIONS), articleTags, byline, source,
                republished ? "https://example.org/" + Integer.toHexString(source.hashCode()) : null,
                republished ? "https://example.org/stories/" + n : null, published, "en", null);
    }

    public List<Submission> next(int count) {
        List<Submission> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** A word drawn by the archive's Zipf law. */
    public String word() {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return words[i >= 0 ? i : Math.min(-i - 1, words.length - 1)];
    }

    private String headline(String name) {
        int length = 6 + random.nextInt(7);
        int at = random.nextInt(length);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(capitalize(i == at ? name : word()));
        }
        return out.toString();
    }

    /** A sentence of {@code length} words, now and then naming one of the story's own names. */
    private String sentence(int length, String[] names) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(i % 9 == 0 && random.nextBoolean() ? ", " : " ");
            }
            String w = random.nextInt(14) == 0 ? names[random.nextInt(names.length)] : word();
            out.append(i == 0 ? capitalize(w) : w);
        }
        return out.append('.').toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String capitalize(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private String[] invent(int count) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            out.add(capitalize(w.toString()));
        }
        return out.toArray(String[]::new);
    }

    private List<String> pool(List<String> real, int size) {
        return pool(real, size, false);
    }

    private List<String> pool(List<String> real, int size, boolean people) {
        Set<String> out = new LinkedHashSet<>(real);
        while (out.size() < size) {
            out.add(people ? pick(invented) + " " + pick(invented) : pick(invented));
        }
        return new ArrayList<>(out);
    }

    /** Words of the sample articles, most frequent first. */
    static List<String> sampleVocabulary() {
        Map<String, Integer> counts = new HashMap<>();
        for (String name : resource("/sample/articles.list").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String text = resource("/sample/articles/" + name);
            int end = text.indexOf("\n---", 4);
            Matcher m = WORD.matcher(end > 0 ? text.substring(end + 4) : text);
            while (m.find()) {
                counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> vocabulary = new ArrayList<>(counts.keySet());
        vocabulary.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        return vocabulary;
    }

    private static String resource(String path) {
        try (InputStream in = ArchiveGenerator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
