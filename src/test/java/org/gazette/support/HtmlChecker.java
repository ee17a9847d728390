package org.gazette.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nu Html Checker (the W3C's validator), run as its own process on saved pages.
 * {@code scripts/test-tools.sh} installs it; without it the check is skipped outside CI.
 */
public final class HtmlChecker {

    static final Path JAR = Path.of(envOr("GAZETTE_TEST_VNU_JAR", ".tools/node_modules/vnu-jar/build/dist/vnu.jar"));

    private HtmlChecker() {
    }

    /** Returns the checker's error messages for the given pages (empty when all are valid). */
    public static String errors(List<Path> pages) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            String message = "HTML checker not installed at " + JAR + " (run scripts/test-tools.sh)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            assumeTrue(false, message);
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xss4m", "-jar", JAR.toString(), "--errors-only", "--format", "gnu"));
        pages.forEach(p -> command.add(p.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.strip();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
