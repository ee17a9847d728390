package org.gazette.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.chrome.ChromeDriver;

/** The sample site ({@link SampleSite}) and one headless chromium, shared by the tests of a class that reads it as a reader would. */
@Tag("browser")
public abstract class SiteInBrowser extends SampleSite {

    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
