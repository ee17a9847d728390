package org.gazette.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server spent its CPU during a benchmark load, from a JFR recording's execution
 * samples: for each of Gazette's methods (and a few library entry points), the share of samples
 * in which it was on the stack. Prints a Markdown table.
 *
 * <p>Usage: {@code ProfileSummary RECORDING.jfr [ROWS]}
 */
public final class ProfileSummary {

    /** Library methods worth naming beside Gazette's own. */
    private static final List<String> LIBRARY = List.of(
            "org.apache.lucene.queries.mlt.MoreLikeThis.like",
            "org.apache.lucene.search.IndexSearcher.search",
            "org.h2.command.Command.executeQuery",
            "org.eclipse.jetty.io.ManagedSelector$SelectorProducer.produce",
            "io.javalin.http.servlet.JavalinServlet.service",
            "gg.jte.TemplateEngine.render",
            "java.util.zip.Deflater.deflate");

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Integer> onStack = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                if (!frame.isJavaFrame()) {
                    continue;
                }
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                boolean named = method.startsWith("org.gazette.") || LIBRARY.contains(method);
                if (named && !method.contains("lambda$") && !method.contains("$$Lambda") && seen.add(method)) {
                    onStack.merge(method, 1, Integer::sum);
                }
            }
        }
        int total = samples;
        System.out.println("| Share of CPU samples | Method |");
        System.out.println("|---|---|");
        onStack.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(rows)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %.1f%% | `%s` |%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.printf(Locale.ROOT, "%n%d execution samples.%n", samples);
    }
}
