package org.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gazette.ScheduledRelease;
import org.gazette.account.AccountStore;
import org.gazette.account.Role;
import org.gazette.support.Browser;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newsroom in a real browser: a contributor writes an article with an image and submits it,
 * an editor publishes it, readers see it, the editor corrects it; then an article scheduled a few
 * seconds ahead appears by itself.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackOfficeBrowserTest {

    @TempDir
    static Path data;

    static TestSite site;
    static ChromeDriver browser;
    static ScheduledRelease release;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data, Map.of("admin.release-poll-seconds", "1"));
        release = new ScheduledRelease(site.site());
        var accounts = new AccountStore(site.site().database().jdbi());
        accounts.create("cora", Role.CONTRIBUTOR, "cora-writes-news", Instant.now());
        accounts.create("ed", Role.EDITOR, "ed-edits-the-news", Instant.now());
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (release != null) {
            release.close();
        }
        if (site != null) {
            site.close();
        }
    }

    static void logIn(String name, String password) {
        browser.get(site.baseUrl() + "/admin");
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/admin/articles"));
    }

    static void logOut() {
        browser.findElement(By.xpath("//button[normalize-space()='Log out']")).click();
        wait.until(ExpectedConditions.urlContains("/admin/login"));
    }

    static WebElement button(String label) {
        return browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
    }

    /** Whether the page would ask before being left, as it must with unsaved changes. */
    static boolean leavingWouldWarn() {
        return (Boolean) browser.executeScript(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
    }

    static Path photo() throws Exception {
        BufferedImage image = new BufferedImage(1400, 788, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(20, 70, 120));
        g.fillRect(0, 0, 1400, 788);
        g.setColor(Color.WHITE);
        g.fillRect(300, 200, 800, 300);
        g.dispose();
        Path file = data.resolve("harbour-at-dawn.jpg");
        ImageIO.write(image, "jpeg", file.toFile());
        return file;
    }

    @Test
    @Order(1)
    void contributorWritesWithImageAndPreviewThenSubmitsForReview() throws Exception {
        logIn("cora", "cora-writes-news");
        browser.findElement(By.linkText("New article")).click();
        assertThat(leavingWouldWarn()).isFalse();
        browser.findElement(By.id("headline")).sendKeys("Night Ferry Returns To The Sarn Estuary");
        assertThat(leavingWouldWarn()).isTrue();
        assertThat(browser.findElement(By.id("slug")).getAttribute("value")).isEqualTo("night-ferry-returns-to-the-sarn-estuary");
        browser.findElement(By.id("deck")).sendKeys("The crossing had been suspended since the spring floods.");
        browser.findElement(By.id("body")).sendKeys("The **night ferry** sailed again on Friday.\n\nPassengers cheered on the quay.");
        wait.until(d -> d.findElement(By.id("preview")).getAttribute("innerHTML").contains("<strong>night ferry</strong>"));
        browser.findElement(By.cssSelector("#authors input[type=checkbox]")).click();
        browser.findElement(By.id("tags")).sendKeys("Ferries, Sarn River");

        browser.findElement(By.id("image_upload")).sendKeys(photo().toString());
        wait.until(d -> d.findElement(By.id("image_url")).getAttribute("value").startsWith("/media/"));
        assertThat(browser.findElement(By.id("image-thumb")).isDisplayed()).isTrue();
        browser.findElement(By.id("image_alt")).sendKeys("The ferry at the quay at dawn");
        browser.findElement(By.id("image_caption")).sendKeys("The first crossing in months.");

        // Autosave turns the new article into a saved draft without leaving the page.
        wait.until(d -> d.findElement(By.id("autosave-status")).getText().startsWith("Saved automatically"));
        assertThat(browser.getCurrentUrl()).matches(".*/admin/articles/\\d+$");
        assertThat(leavingWouldWarn()).isFalse();

        button("Submit for review").click();
        // Submitted, it is the editors' turn: the list confirms it and shows it waiting for review.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Submitted for review."));
        assertThat(browser.findElement(By.xpath("//tr[contains(., 'Night Ferry Returns To The Sarn Estuary')]")).getText())
                .contains("In review");
        assertThat(site.get("/articles/night-ferry-returns-to-the-sarn-estuary").statusCode()).isEqualTo(404);
        logOut();
    }

    @Test
    @Order(2)
    void editorPublishesReaderSeesItEditorCorrectsIt() throws Exception {
        logIn("ed", "ed-edits-the-news");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-status"))).selectByVisibleText("In review");
        button("Filter").click();
        // The unfiltered list shows the same link: wait for the filtered page, or the click may land on the old one.
        wait.until(ExpectedConditions.urlContains("status="));
        browser.findElement(By.linkText("Night Ferry Returns To The Sarn Estuary")).click();
        button("Publish now").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Published."));

        browser.findElement(By.linkText("view on the site")).click();
        wait.until(ExpectedConditions.urlContains("/articles/night-ferry-returns-to-the-sarn-estuary"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Night Ferry Returns To The Sarn Estuary");
        assertThat(browser.findElement(By.cssSelector(".article-body strong")).getText()).isEqualTo("night ferry");
        WebElement image = browser.findElement(By.cssSelector(".lead-image img"));
        assertThat(image.getAttribute("alt")).isEqualTo("The ferry at the quay at dawn");
        assertThat(image.getAttribute("srcset")).contains("320w").contains("1024w");
        assertThat((Long) browser.executeScript("return arguments[0].naturalWidth", image)).isPositive();
        // The reader's text-size script still runs under the Content-Security-Policy.
        assertThat(browser.findElement(By.cssSelector("[data-text-size-controls]")).isDisplayed()).isTrue();

        browser.navigate().back();
        wait.until(ExpectedConditions.urlContains("/admin/articles/"));
        browser.findElement(By.id("note-text")).sendKeys("An earlier version said the ferry sailed on Thursday.");
        button("Add the note").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Note added"));
        browser.get(site.baseUrl() + "/articles/night-ferry-returns-to-the-sarn-estuary");
        assertThat(browser.findElement(By.cssSelector(".article-notes")).getText())
                .contains("Correction").contains("An earlier version said the ferry sailed on Thursday.");
    }

    @Test
    @Order(3)
    void editorSchedulesAnArticleThatAppearsByItself() {
        browser.get(site.baseUrl() + "/admin/articles/new");
        browser.findElement(By.id("headline")).sendKeys("Estuary Bridge Opens At Dawn");
        browser.findElement(By.id("body")).sendKeys("The bridge opens to traffic this morning.");
        browser.findElement(By.cssSelector("#authors input[type=checkbox]")).click();
        // Reuse the photo uploaded earlier, picked from the library inside the editor.
        browser.findElement(By.cssSelector(".media-picker summary")).click();
        browser.findElement(By.cssSelector("[data-pick]")).click();
        assertThat(browser.findElement(By.id("image_url")).getAttribute("value")).matches("/media/\\d+/1400");
        browser.findElement(By.id("image_alt")).sendKeys("The estuary bridge");
        WebElement when = browser.findElement(By.id("publish_at"));
        assertThat(when.getAttribute("type")).isEqualTo("datetime-local");
        assertThat(when.getAttribute("step")).isEqualTo("60");
        // The form asks to the minute; to keep the test short it is given a time a few seconds ahead.
        String soon = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS).toString();
        browser.executeScript("arguments[0].step = 1; arguments[0].value = arguments[1];", when, soon);
        button("Schedule").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Scheduled."));
        assertThat(site.site().articles().bySlug("estuary-bridge-opens-at-dawn").orElseThrow().status().name()).isEqualTo("SCHEDULED");

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            d.get(site.baseUrl() + "/articles/estuary-bridge-opens-at-dawn");
            return d.findElement(By.tagName("h1")).getText().equals("Estuary Bridge Opens At Dawn");
        });
        assertThat(browser.findElement(By.cssSelector(".lead-image img")).getAttribute("alt")).isEqualTo("The estuary bridge");
        browser.get(site.baseUrl() + "/");
        assertThat(browser.getPageSource()).contains("/articles/estuary-bridge-opens-at-dawn");
    }
}
