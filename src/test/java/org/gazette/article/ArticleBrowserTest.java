package org.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.gazette.support.SiteInBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader in a real browser: text size that sticks, and the search box. */
class ArticleBrowserTest extends SiteInBrowser {

    private double bodyFontSize() {
        String size = browser.findElement(By.cssSelector(".article-body p")).getCssValue("font-size");
        return Double.parseDouble(size.replace("px", ""));
    }

    @Test
    void largerFontTwiceSticksAcrossReloadAndOtherArticles() {
        browser.get(site.baseUrl() + "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam");
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        double start = bodyFontSize();

        WebElement larger = browser.findElement(By.xpath("//button[normalize-space()='Larger Font']"));
        larger.click();
        // The second press comes from the keyboard: the control must work without a mouse.
        larger.sendKeys(Keys.ENTER);
        double enlarged = bodyFontSize();
        assertThat(enlarged).isGreaterThan(start * 1.2);

        browser.navigate().refresh();
        assertThat(bodyFontSize()).isEqualTo(enlarged);

        browser.get(site.baseUrl() + "/articles/dockworkers-walk-out-at-castelmar-halting-veloria-s-busiest-port");
        assertThat(bodyFontSize()).isEqualTo(enlarged);
        // Applied from <head> before the body is drawn, so the attribute is there on first paint.
        assertThat(browser.executeScript("return document.documentElement.getAttribute('data-text-size')")).isEqualTo("2");

        browser.findElement(By.xpath("//button[normalize-space()='Smaller Font']")).click();
        assertThat(bodyFontSize()).isLessThan(enlarged);
        browser.executeScript("localStorage.clear()");
    }

    @Test
    void searchBoxOnTheHomePageLeadsToRankedResults() {
        browser.get(site.baseUrl() + "/");
        WebElement box = browser.findElement(By.cssSelector("form[role=search] input[name=q]"));
        box.sendKeys("Brennerman parliament");
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/search?q="));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("Brennerman parliament");
        assertThat(browser.findElement(By.cssSelector("form[role=search] input[name=q]")).getAttribute("value"))
                .isEqualTo("Brennerman parliament");
        WebElement first = browser.findElement(By.cssSelector("ol.results li.result h2 a"));
        assertThat(first.getText()).contains("Brennerman Defends Sarn Water Pact");
        first.click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Brennerman Defends Sarn Water Pact");
    }
}
