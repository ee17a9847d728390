package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.gazette.support.SiteInBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Autocomplete and facets as a reader meets them in a real browser. */
class SearchBrowserTest extends SiteInBrowser {

    @Test
    void typingShowsSuggestionsAndTheKeyboardOpensOne() {
        browser.get(site.baseUrl() + "/");
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys("brenn");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        WebElement list = wait.until(d -> {
            WebElement l = d.findElement(By.id("site-search-suggestions"));
            return l.isDisplayed() ? l : null;
        });
        assertThat(list.getText()).contains("Brennerman Defends Sarn Water Pact");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        box.sendKeys(Keys.ARROW_DOWN);
        box.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("/articles/brennerman-defends"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Brennerman Defends");
    }

    @Test
    void aFacetLinkNarrowsTheResultsAndBackReturns() {
        browser.get(site.baseUrl() + "/search?q=water");
        int all = browser.findElements(By.cssSelector("ol.results > li")).size();
        browser.findElement(By.cssSelector("[data-facet=section] a[href*='section=Science']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("section=Science"));
        var narrowed = browser.findElements(By.cssSelector("ol.results > li .meta a[href^='/section/']"));
        assertThat(narrowed).isNotEmpty().hasSizeLessThan(all).allSatisfy(a -> assertThat(a.getText()).isEqualTo("Science"));
        browser.navigate().back();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.getCurrentUrl().contains("section="));
        assertThat(browser.findElements(By.cssSelector("ol.results > li"))).hasSize(all);
    }
}
