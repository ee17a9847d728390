import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gazette.Site;
import org.gazette.config.Settings;
import org.gazette.syndication.FeedSubscription;
import org.gazette.syndication.Syndication;

/**
 * Items ingested per second: a local feed server serves an RSS 2.0 feed of N items (about 250 words
 * each, with a lead image, links and a tracking pixel); one poll fetches, parses, cleans, dedupes,
 * stores and indexes them into a fresh site (H2 file database, Lucene index) in a temporary folder.
 *
 * Run with bench/ingest/run.sh (it builds the jar first). Arguments: [items] [rounds].
 */
public class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path data = Files.createTempDirectory("gazette-ingest-bench");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.start();
        Settings settings = Settings.of(Map.of("data.dir", data.toString(), "site.sample-content", "false",
                "ingest.allow-private-addresses", "true", "ingest.max-items", String.valueOf(items)));
        System.out.printf("Ingest benchmark: %d items per feed, %d rounds, %d CPU(s), Java %s%n", items, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (Site site = Site.open(settings, true)) {
            site.start();
            site.changeFeed().startPolling(Duration.ofMillis(200)); // as in serve: the index follows while items are stored
            Syndication syndication = Syndication.forSite(site);
            List<Double> warmRates = new java.util.ArrayList<>();
            List<Double> warmCpu = new java.util.ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                byte[] feed = feed(items, round);
                String path = "/feed-" + round + ".xml";
                server.createContext(path, exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                    exchange.sendResponseHeaders(200, feed.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(feed);
                    }
                });
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
                FeedSubscription sub = syndication.add(new FeedSubscription.Request(url, "Bench Wire " + round,
                        "https://bench.example/", null, "World", List.of("Bench"), "en", FeedSubscription.Mode.PUBLISH,
                        Duration.ofMinutes(15)));
                long start = System.nanoTime();
                long cpuStart = cpu();
                FeedSubscription after = syndication.poll(sub.id()); // fetch, parse, clean, dedupe, store, index
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpu() - cpuStart) / 1e9;
                var s = after.status();
                if (s.added() != items || s.lastError() != null) {
                    throw new IllegalStateException("Round " + round + " did not ingest every item: new " + s.added()
                            + ", refused " + s.refused() + ", error " + s.lastError());
                }
                long again = System.nanoTime();
                FeedSubscription repeat = syndication.poll(sub.id());
                double repeatSeconds = (System.nanoTime() - again) / 1e9;
                if (round > 1) {
                    warmRates.add(s.added() / seconds);
                    warmCpu.add(cpuSeconds);
                }
                System.out.printf("round %d: %d new items in %.2f s = %.0f items/s (process CPU %.2f s; feed %d KB); "
                                + "re-poll of the same feed (%d seen, %d new) %.2f s = %.0f items/s%n", round, s.added(), seconds,
                        s.added() / seconds, cpuSeconds, feed.length / 1024, repeat.status().seen(), repeat.status().added(),
                        repeatSeconds, items / repeatSeconds);
            }
            System.out.printf("articles in the database: %d, in the search index: %d%n", site.articles().countPublished(),
                    site.index().size());
            if (!warmRates.isEmpty()) {
                warmRates.sort(null);
                warmCpu.sort(null);
                double medianCpu = warmCpu.get(warmCpu.size() / 2);
                int cores = Runtime.getRuntime().availableProcessors();
                System.out.printf("warm rounds (2..%d): median %.0f items/s, best %.0f items/s; median process CPU %.2f ms per item, "
                                + "so %d idle core(s) would take about %.0f items/s%n", rounds, warmRates.get(warmRates.size() / 2),
                        warmRates.get(warmRates.size() - 1), medianCpu * 1000 / items, cores, items / (medianCpu / cores));
                System.out.printf("load average now: %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
            }
        } finally {
            server.stop(0);
        }
    }

    /** CPU time of the whole process (all threads, including the feed server and the JIT), in nanoseconds. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A feed of distinct articles: random prose from a fixed vocabulary, so no two are near duplicates. */
    static byte[] feed(int items, int round) {
        Random random = new Random(1000L * round);
        String[] vocabulary = new String[3000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = word.toString();
        }
        StringBuilder xml = new StringBuilder(items * 2200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                + "xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Bench Wire</title><link>https://bench.example/</link>"
                + "<description>Benchmark feed</description>\n");
        Instant published = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < items; i++) {
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 5; p++) {
                body.append("<p>");
                for (int w = 0; w < 50; w++) {
                    body.append(vocabulary[random.nextInt(vocabulary.length)]).append(w % 12 == 11 ? ". " : " ");
                }
                if (p == 2) {
                    body.append("<a href=\"/related/").append(i).append("\">related</a>");
                }
                body.append("</p>");
            }
            body.append("<img src=\"https://bench.example/pixel.gif?i=").append(i).append("\" width=\"1\" height=\"1\">");
            String title = "Story " + round + "-" + i + " " + vocabulary[random.nextInt(vocabulary.length)] + " "
                    + vocabulary[random.nextInt(vocabulary.length)];
            xml.append("<item><title>").append(title).append("</title><link>https://bench.example/r").append(round).append("/story/")
                    .append(i).append("?utm_source=rss</link><guid isPermaLink=\"false\">bench-").append(round).append('-').append(i)
                    .append("</guid><pubDate>").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(published.plusSeconds(60L * i).atOffset(java.time.ZoneOffset.UTC)))
                    .append("</pubDate><description>Summary of story ").append(i).append(".</description><content:encoded><![CDATA[")
                    .append(body).append("]]></content:encoded><media:content url=\"https://bench.example/img/").append(i)
                    .append(".jpg\" medium=\"image\"/></item>\n");
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
