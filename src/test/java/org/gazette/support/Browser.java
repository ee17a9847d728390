package org.gazette.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium driven by Debian's chromedriver, for tests that need a real browser.
 * Tests using it are tagged "browser"; {@code -DexcludedGroups=browser} leaves them out. Without chromium
 * they are skipped with a message, except under CI, where they fail.
 */
public final class Browser {

    public static final String CHROMIUM = envOr("GAZETTE_TEST_CHROMIUM", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = envOr("GAZETTE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** Whether chromium and chromedriver are installed; without them browser tests fail with this message. */
    public static String missing() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return "Browser tests need chromium and chromium-driver (apt-get install chromium chromium-driver)";
        }
        return null;
    }

    public static ChromeDriver start() throws java.io.IOException {
        String missing = missing();
        if (missing != null) {
            // Like PostgreSQL: a newcomer's machine may lack the browser, CI never may.
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "Browser tests skipped: " + missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("gazette-chromium");
        // The background-networking flags keep chromium from calling out of this closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
