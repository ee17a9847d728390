package org.gazette.support;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/** The sample site and one headless chromium, shared by the tests of a class that reads it as a reader would. */
@Tag("browser")
public abstract class SiteInBrowser {

    @TempDir
    protected static Path data;

    protected static TestSite site;
    protected static ChromeDriver browser;

    @BeforeAll
    static void startSiteAndBrowser() throws Exception {
        site = TestSite.start(data);
        browser = Browser.start();
    }

    @AfterAll
    static void stopSiteAndBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }
}
