package org.gazette.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns the figures {@code bench/run.sh} collected into the results table (Markdown, printed and
 * written) and a JSON file, each named after the date and archive size.
 *
 * <p>Usage: {@code BenchReport RESULTS_PROPERTIES OUTPUT_DIR}
 */
public final class BenchReport {

    private final Properties figures;

    private BenchReport(Properties figures) {
        this.figures = figures;
    }

    public static void main(String[] args) throws IOException {
        Properties figures = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            figures.load(in);
        }
        BenchReport report = new BenchReport(figures);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        String name = figures.getProperty("date").replace(":", "").replace("-", "") + "-n" + figures.getProperty("articles");
        String markdown = report.markdown();
        Files.writeString(out.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(name + ".json"), report.json(), StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("Written to " + out.resolve(name + ".md") + " and .json");
    }

    private double number(String key) {
        String value = figures.getProperty(key);
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        value = value.trim();
        double scale = 1;
        if (value.endsWith("k")) {
            scale = 1000;
            value = value.substring(0, value.length() - 1);
        }
        return Double.parseDouble(value) * scale;
    }

    private Map<String, Object> importFigures() throws IOException {
        return parse(figures.getProperty("import.json", "{}"));
    }

    private static Map<String, Object> parse(String json) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = new ObjectMapper().readValue(json.isBlank() ? "{}" : json, Map.class);
        return parsed;
    }

    private static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private record Row(String what, String gazette, String reference, String ratio, String target, String verdict) {
    }

    private List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String[] page : new String[][] {{"article", "Article page (hot)"}, {"home", "Home page"}, {"feed", "/feed.rss"}}) {
            double rps = number(page[0] + ".rps");
            double ref = number(page[0] + ".nginx.rps");
            double ratio = rps / ref;
            boolean targeted = page[0].equals("article");
            rows.add(new Row(page[1], load(page[0]), load(page[0] + ".nginx"), fmt(ratio, 2) + "x",
                    targeted ? ">= 0.5x nginx" : "", targeted ? verdict(ratio >= 0.5) : ""));
        }
        double uncached = number("uncached.rps");
        rows.add(new Row("Article page, cache off (render)", load("uncached"), "", "", ">= 2,000 req/s", verdict(uncached >= 2000)));
        double mix = number("mix.rps");
        double mixP99 = number("mix.p99");
        rows.add(new Row("Mix 90% articles / 8% sections / 2% search", load("mix") + waits("mix"), "", "",
                ">= 10,000 req/s, p99 < 50 ms", verdict(mix >= 10000 && mixP99 < 50)));
        double startup = number("startup.ms");
        rows.add(new Row("Start-up to first article page", fmt(startup, 0) + " ms (the very first start, which writes the class archive: "
                + fmt(number("startup.first.ms"), 0) + " ms)", "", "", "< 3,000 ms", verdict(startup < 3000)));
        double rssMb = number("rss.kb") / 1024;
        String split = " (" + fmt(number("rss.anon.kb") / 1024, 0) + " MB JVM, " + fmt(number("rss.file.kb") / 1024, 0)
                + " MB mapped files)";
        rows.add(new Row("Resident memory after the mix (-Xmx256m)", fmt(rssMb, 0) + " MB" + split, "", "", "< 512 MB",
                verdict(rssMb < 512)));
        Map<String, Object> imported = importFigures();
        double rate = imported.get("articles_per_second") instanceof Number n ? n.doubleValue() : Double.NaN;
        rows.add(new Row("Bulk publish (Publisher + Site.settle)", fmt(rate, 0) + " articles/s", "", "",
                ">= 2,000 articles/s", verdict(rate >= 2000)));
        return rows;
    }

    private String load(String name) {
        double errors = number(name + ".errors");
        double timeouts = number(name + ".timeouts");
        String suffix = (Double.isNaN(errors) ? "" : " (" + fmt(errors, 0) + " non-2xx)")
                + (Double.isNaN(timeouts) ? "" : " (" + fmt(timeouts, 0) + " timed out after 10 s)");
        return fmt(number(name + ".rps"), 0) + " req/s, p50 " + fmt(number(name + ".p50"), 2) + " ms, p99 "
                + fmt(number(name + ".p99"), 2) + " ms" + suffix;
    }

    /** What the server read from the disk, and the collector's pauses, during a load's warm-up and measurement. */
    private String waits(String name) {
        double kb = number(name + ".disk.read.kb");
        String gc = figures.getProperty(name + ".gc");
        return (Double.isNaN(kb) ? "" : "; " + fmt(kb / 1024, 0) + " MB read from disk") + (gc == null ? "" : "; GC: " + gc);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    String markdown() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("## Gazette benchmark, ").append(figures.getProperty("articles")).append(" articles\n\n");
        md.append("- Date: ").append(figures.getProperty("date")).append('\n');
        md.append("- Cores: ").append(figures.getProperty("cores")).append(" (wrk and the server on the same machine; load average at the end: ")
                .append(figures.getProperty("load")).append(")\n");
        md.append("- JDK: ").append(figures.getProperty("jdk")).append('\n');
        md.append("- wrk: ").append(figures.getProperty("wrk")).append(", no Accept-Encoding (both servers send identity bytes)\n");
        md.append("- Article measured: ").append(figures.getProperty("article.path")).append("\n\n");
        md.append("| Measure | Gazette | nginx, same bytes | Ratio | Target | |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Row row : rows()) {
            md.append("| ").append(row.what()).append(" | ").append(row.gazette()).append(" | ").append(row.reference())
                    .append(" | ").append(row.ratio()).append(" | ").append(row.target()).append(" | ").append(row.verdict())
                    .append(" |\n");
        }
        Map<String, Object> imported = importFigures();
        Map<String, Object> related = parse(figures.getProperty("related.json", "{}"));
        if (related.containsKey("related_cpu_ms")) {
            md.append("\nRelated stories alone (`ArticleSearch.related` working a list out, measured apart with the server stopped): ")
                    .append(related.get("related_cpu_ms")).append(" ms of CPU per article, on an index of ")
                    .append(related.get("segments")).append(" segments.\n");
        }
        Map<String, Object> warmer = parse(figures.getProperty("warmer", "{}"));
        if (warmer.containsKey("asked")) {
            md.append("\nPage warmer, before anything was measured: ").append(warmer.get("asked")).append(" pages asked for, ")
                    .append(warmer.get("rendered")).append(" of them rendered (the others were kept on disk), in ")
                    .append(fmt(((Number) warmer.get("millis")).doubleValue() / 1000, 1)).append(" s.\n");
        }
        md.append("\nBulk publish: ").append(imported.get("articles")).append(" articles stored in ")
                .append(imported.get("store_seconds")).append(" s, search index settled in ")
                .append(imported.get("settle_seconds")).append(" s.\n");
        return md.toString();
    }

    String json() throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String key : new String[] {"date", "articles", "cores", "jdk", "wrk", "load", "article.path"}) {
            json.put(key, figures.getProperty(key));
        }
        Map<String, Object> loads = new LinkedHashMap<>();
        for (String name : new String[] {"article", "article.nginx", "home", "home.nginx", "feed", "feed.nginx", "uncached", "mix"}) {
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("requests_per_second", orNull(number(name + ".rps")));
            load.put("p50_ms", orNull(number(name + ".p50")));
            load.put("p99_ms", orNull(number(name + ".p99")));
            load.put("non_2xx", figures.getProperty(name + ".errors", "0"));
            load.put("timeouts", figures.getProperty(name + ".timeouts", "0"));
            load.put("disk_read_kb", orNull(number(name + ".disk.read.kb")));
            load.put("gc", figures.getProperty(name + ".gc"));
            loads.put(name, load);
        }
        json.put("loads", loads);
        json.put("startup_ms", orNull(number("startup.ms")));
        json.put("first_startup_ms", orNull(number("startup.first.ms")));
        json.put("rss_mb", orNull(number("rss.kb") / 1024));
        json.put("rss_anon_mb", orNull(number("rss.anon.kb") / 1024));
        json.put("rss_file_mb", orNull(number("rss.file.kb") / 1024));
        json.put("import", importFigures());
        json.put("related_stories", parse(figures.getProperty("related.json", "{}")));
        json.put("page_warmer", parse(figures.getProperty("warmer", "{}")));
        json.put("health_after_mix", figures.getProperty("healthz"));
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
    }
}
