package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editorial pages in a real browser: the Redaktion (demo account) writes an article, previews it and publishes
 * it; a visitor then reads it. Every new page (news archive, article, editor form with preview and errors, editor
 * list, versions, comparison, delete confirmation, start page with news, page editor with its versions) passes axe
 * (no serious or critical violation) and the Nu HTML Checker on the HTML the server sent.
 */
public class NewsBrowserIT {

    private static final Pattern DEMO_PASSWORD = Pattern.compile("demo-redaktion\\s+(\\S+)");
    private static final Pattern ARTICLE_ID = Pattern.compile("/aktuelles/redaktion/(\\d+)/versionen");

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("NewsBrowserIT", Map.of("RINGPORTAL_DEMO", "true"),
            "/aktuelles");

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Write, preview, publish; then a visitor reads the article; each page on the way is accessible and valid. */
    @Test
    public void editor_writes_previews_and_publishes_and_a_visitor_reads_it() throws Exception {
        ChromeDriver browser = SESSION.browser();
        browserGet("/aktuelles");
        check("/aktuelles (empty)", httpGet("/aktuelles"));
        SESSION.logIn("demo-redaktion", demoPassword());

        browserGet("/aktuelles/redaktion/neu");
        check("/aktuelles/redaktion/neu", httpGet("/aktuelles/redaktion/neu"));
        WebElement form = browser.findElement(By.cssSelector("main form[method=post]"));
        form.findElement(By.id("titel")).sendKeys("Neue Kennzahlen für 2026");
        form.findElement(By.id("anreisser")).sendKeys("Die Vergleichsringe haben ihre Kennzahlen abgestimmt.");
        form.findElement(By.id("text")).sendKeys("Die **Kennzahlen** stehen fest.\n\n- SGB II\n- Ringe\n\n"
                + "<script>alert(1)</script>");
        form.findElement(By.id("status-veroeffentlicht")).click();
        form.findElement(By.cssSelector("button[value=vorschau]")).click();
        BrowserIT.awaitReplaced(browser, form);

        WebElement preview = browser.findElement(By.id("vorschau"));
        assertTrue(preview.isDisplayed());
        assertEquals("Kennzahlen", browser.findElement(By.cssSelector(".preview .news-body strong")).getText());
        assertEquals("the preview saved nothing", 0, countArticles());
        check("/aktuelles/redaktion/neu (preview)", httpPost("/aktuelles/redaktion/neu", fields("vorschau")));
        // the browser itself refuses an empty required title, so the server's messages show for a title too long
        Map<String, String> wrong = Map.of("titel", "T".repeat(201), "text", "");
        browserSubmit("/aktuelles/redaktion/neu", wrong, "speichern");
        assertFalse(browser.findElements(By.cssSelector(".form-errors")).isEmpty());
        check("/aktuelles/redaktion/neu (errors)", httpPost("/aktuelles/redaktion/neu",
                Map.of("titel", "", "text", "", "status", "draft", "aktion", "speichern")));

        browserGet("/aktuelles/redaktion/neu");
        form = browser.findElement(By.cssSelector("main form[method=post]"));
        form.findElement(By.id("titel")).sendKeys("Neue Kennzahlen für 2026");
        form.findElement(By.id("anreisser")).sendKeys("Die Vergleichsringe haben ihre Kennzahlen abgestimmt.");
        form.findElement(By.id("text")).sendKeys("Die **Kennzahlen** stehen fest.\n\n- SGB II\n- Ringe");
        form.findElement(By.id("status-veroeffentlicht")).click();
        form.findElement(By.cssSelector("button[value=speichern]")).click();
        BrowserIT.awaitReplaced(browser, form);
        String articleUrl = browser.getCurrentUrl();
        assertTrue(articleUrl, articleUrl.matches(".*/aktuelles/\\d{4}/neue-kennzahlen-fuer-2026"));
        String articlePath = articleUrl.substring(articleUrl.indexOf("/aktuelles/"));
        assertEquals("Neue Kennzahlen für 2026", browser.findElement(By.tagName("h1")).getText());
        check(articlePath + " (editor)", httpGet(articlePath));

        // a second version, so the history can compare
        String editorPage = httpGet(articlePath);
        Matcher id = ARTICLE_ID.matcher(editorPage);
        assertTrue("the editor sees the versions link", id.find());
        String item = "/aktuelles/redaktion/" + id.group(1);
        Map<String, String> changed = new LinkedHashMap<>(fields("speichern"));
        changed.put("text", "Die **Kennzahlen** stehen endgültig fest.\n\n- SGB II\n- Ringe");
        httpPost(item, changed);
        for (String path : List.of("/aktuelles/redaktion", item, item + "/versionen", item + "/vergleich?a=1&b=2",
                item + "/loeschen", "/aktuelles", "/", "/redaktion/seiten", "/redaktion/seiten/impressum",
                "/redaktion/seiten/impressum/versionen", "/redaktion/seiten/neu")) {
            browserGet(path);
            check(path + " (Redaktion)", httpGet(path));
        }
        Map<String, String> badPage = Map.of("adresse", "../x", "titel", "T".repeat(201), "text", "",
                "menue", "M".repeat(61));
        browserSubmit("/redaktion/seiten/neu", badPage, "speichern");
        check("/redaktion/seiten/neu (errors)", httpPost("/redaktion/seiten/neu",
                Map.of("adresse", "../x", "titel", "", "text", "", "aktion", "speichern")));
        Map<String, String> newPage = Map.of("adresse", "ueber-uns", "titel", "Über uns", "menue", "Über uns",
                "position", "40", "text", "## Wir\n\n| Jahr | Ringe |\n|---|---|\n| 2026 | 7 |");
        browserSubmit("/redaktion/seiten/neu", newPage, "vorschau");
        check("/redaktion/seiten/neu (preview)", httpPost("/redaktion/seiten/neu",
                Map.of("adresse", "ueber-uns", "titel", "Über uns", "menue", "Über uns", "position", "40",
                        "text", "## Wir\n\n| Jahr | Ringe |\n|---|---|\n| 2026 | 7 |", "aktion", "vorschau")));
        httpPost("/redaktion/seiten/neu", Map.of("adresse", "ueber-uns", "titel", "Über uns", "menue", "Über uns",
                "position", "40", "text", "## Wir\n\n| Jahr | Ringe |\n|---|---|\n| 2026 | 7 |", "aktion", "speichern"));
        httpPost("/redaktion/seiten/ueber-uns", Map.of("titel", "Über uns", "menue", "Über uns", "position", "40",
                "text", "## Wir sind\n\nDie Projektleitung.", "aktion", "speichern"));
        for (String path : List.of("/seiten/ueber-uns", "/redaktion/seiten/ueber-uns/versionen",
                "/redaktion/seiten/ueber-uns/vergleich?a=1&b=2", "/redaktion/seiten/ueber-uns/loeschen")) {
            browserGet(path);
            check(path + " (Redaktion)", httpGet(path));
        }

        // the visitor: no cookies, reads the article from the archive
        browser.manage().deleteAllCookies();
        browserGet("/aktuelles");
        check("/aktuelles (visitor)", httpGet("/aktuelles"));
        browser.findElement(By.linkText("Neue Kennzahlen für 2026")).click();
        new WebDriverWait(browser, BrowserSession.WAIT)
                .until(ExpectedConditions.urlContains("/neue-kennzahlen-fuer-2026"));
        assertEquals("Neue Kennzahlen für 2026", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".news-body")).getText().contains("stehen endgültig fest"));
        assertTrue("a visitor gets no edit link", browser.findElements(By.linkText("Bearbeiten")).isEmpty());
        check(articlePath + " (visitor)", httpGet(articlePath));
        browserGet("/");
        assertFalse(browser.findElements(By.linkText("Neue Kennzahlen für 2026")).isEmpty());
        check("/ with news (visitor)", httpGet("/"));
        browserGet("/seiten/ueber-uns");
        check("/seiten/ueber-uns (visitor)", httpGet("/seiten/ueber-uns"));
    }

    private static Map<String, String> fields(String action) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("titel", "Neue Kennzahlen für 2026");
        fields.put("anreisser", "Die Vergleichsringe haben ihre Kennzahlen abgestimmt.");
        fields.put("text", "Die **Kennzahlen** stehen fest.\n\n| Jahr | Ringe |\n|---|---|\n| 2026 | 7 |");
        fields.put("status", "published");
        fields.put("aktion", action);
        return fields;
    }

    private static int countArticles() throws IOException, InterruptedException {
        return httpGet("/aktuelles/redaktion").contains("<caption>Nachrichten, die Sie bearbeiten") ? 1 : 0;
    }

    private static String demoPassword() throws InterruptedException {
        PortalProcess portal = SESSION.portal();
        portal.await("the demo accounts are printed", PortalProcess.START_TIMEOUT,
                () -> DEMO_PASSWORD.matcher(portal.output()).find());
        Matcher printed = DEMO_PASSWORD.matcher(portal.output());
        assertTrue(printed.find());
        return printed.group(1);
    }

    private static void browserSubmit(String path, Map<String, String> fields, String button) {
        SESSION.submit(path, fields, button);
    }

    private static void browserGet(String path) {
        SESSION.open(path);
    }

    private static String httpGet(String path) throws IOException, InterruptedException {
        return SESSION.httpGet(path);
    }

    private static String httpPost(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return SESSION.httpPost(path, fields);
    }

    private void check(String what, String html) {
        SESSION.check(problems, what, html);
    }
}
