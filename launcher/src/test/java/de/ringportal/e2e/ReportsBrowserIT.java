package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

import de.ringportal.it.Uploads;

/**
 * The reports library and the search in headless Chromium, as the Redaktion uses them: the empty list, the upload
 * form (empty and with errors), a report uploaded through the form with a hostile title, its page, a ring report's
 * download audit, a new version's form, its edit form (empty and with errors), its deletion's question and the list
 * after it, and a search. Each state passes axe (no serious or critical violation) and the
 * Nu HTML Checker.
 */
public class ReportsBrowserIT {

    private static final Pattern DEMO_PASSWORD = Pattern.compile("demo-redaktion\\s+(\\S+)");

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("ReportsBrowserIT", Map.of("RINGPORTAL_DEMO", "true"),
            "/berichte");

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** The Redaktion uploads through the form; every page and state on the way is accessible and valid. */
    @Test
    public void redaktion_uploads_a_report_and_every_page_is_accessible_and_valid() throws Exception {
        ChromeDriver browser = SESSION.browser();
        PortalProcess portal = SESSION.portal();
        portal.await("the demo accounts are printed", PortalProcess.START_TIMEOUT,
                () -> DEMO_PASSWORD.matcher(portal.output()).find());
        Matcher password = DEMO_PASSWORD.matcher(portal.output());
        assertTrue(password.find());
        SESSION.logIn("demo-redaktion", password.group(1));

        open("/berichte");
        check("/berichte, empty", httpGet("/berichte"));
        open("/berichte/neu");
        check("/berichte/neu", httpGet("/berichte/neu"));

        Path empty = Files.write(SESSION.home().resolve("leer.pdf"), new byte[0]);
        submitUpload(Map.of("titel", "", "jahr", "20x"), null, empty);
        assertTrue(browser.getPageSource().contains("Bitte geben Sie einen Titel ein."));
        // the POST's answer exists only in the browser: its DOM, serialised (which drops the doctype), is checked
        check("/berichte/neu with errors", "<!DOCTYPE html>\n" + browser.getPageSource());

        Path pdf = Files.write(SESSION.home().resolve("Jahresbericht Übersicht.pdf"), Uploads.pdf("Kennzahlenvergleich der Ringe"));
        submitUpload(Map.of("titel", "<script>alert(1)</script> Jahresbericht {{x}}", "jahr", "2025",
                "beschreibung", "Der Vergleich der Kennzahlen."), "zielgruppe-oeffentlich", pdf);
        String reportPath = new java.net.URI(browser.getCurrentUrl()).getPath();
        assertTrue(reportPath, reportPath.matches("/berichte/[0-9]+"));
        assertEquals("<script>alert(1)</script> Jahresbericht {{x}}", browser.findElement(By.tagName("h1")).getText());
        check(reportPath, httpGet(reportPath));

        submitUpload(Map.of("titel", "Ringbericht", "jahr", "2025"), "zielgruppe-ringe", pdf, "ring-3");
        String ringPath = new java.net.URI(browser.getCurrentUrl()).getPath();
        assertFalse(ringPath.equals(reportPath));
        open(ringPath + "/datei");
        open(ringPath + "/abrufe");
        check(ringPath + "/abrufe", httpGet(ringPath + "/abrufe"));
        open(ringPath + "/neue-version");
        check(ringPath + "/neue-version", httpGet(ringPath + "/neue-version"));

        open(ringPath + "/bearbeiten");
        check(ringPath + "/bearbeiten", httpGet(ringPath + "/bearbeiten"));
        WebElement editForm = browser.findElement(By.cssSelector("main form[method=post]"));
        editForm.findElement(By.name("titel")).clear();
        editForm.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(browser, editForm);
        assertTrue(browser.getPageSource().contains("Bitte geben Sie einen Titel ein."));
        check(ringPath + "/bearbeiten with errors", "<!DOCTYPE html>\n" + browser.getPageSource());

        open(ringPath + "/loeschen");
        assertEquals("Bericht „Ringbericht“ wirklich löschen?", browser.findElement(By.tagName("h1")).getText());
        check(ringPath + "/loeschen", httpGet(ringPath + "/loeschen"));
        WebElement deleteForm = browser.findElement(By.cssSelector("main form[method=post]"));
        deleteForm.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(browser, deleteForm);
        assertEquals("/berichte", new java.net.URI(browser.getCurrentUrl()).getPath());
        assertTrue(browser.getPageSource().contains("Der Bericht ist mit allen Fassungen gelöscht."));

        check("/berichte, filled, after a deletion", httpGet("/berichte?hinweis=geloescht"));
        open("/berichte?jahr=2025&typ=pdf");
        check("/berichte filtered", httpGet("/berichte?jahr=2025&typ=pdf"));
        portal.await("the search finds the report", BrowserSession.WAIT,
                () -> httpGet("/suche?q=Kennzahlenvergleich").contains(reportPath));
        open("/suche?q=Kennzahlenvergleich");
        check("/suche with results", httpGet("/suche?q=Kennzahlenvergleich"));
        open("/suche?q=%27+OR+1%3D1");
        check("/suche without results", httpGet("/suche?q=%27+OR+1%3D1"));
    }

    private static void open(String path) {
        SESSION.open(path);
    }

    /** Opens the upload form, types the fields, picks the radio button and checkboxes by id, the file, and sends. */
    private static void submitUpload(Map<String, String> fields, String radio, Path file, String... checkboxes) {
        ChromeDriver browser = SESSION.browser();
        open("/berichte/neu");
        WebElement form = browser.findElement(By.cssSelector("main form[method=post]"));
        fields.forEach((name, value) -> {
            WebElement input = form.findElement(By.name(name));
            input.clear();
            input.sendKeys(value);
        });
        if (radio != null) {
            form.findElement(By.id(radio)).click();
        }
        for (String checkbox : checkboxes) {
            form.findElement(By.id(checkbox)).click();
        }
        form.findElement(By.name("datei")).sendKeys(file.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(SESSION.browser(), form);
    }

    /** The HTML the server sends for the page, with the browser's cookies: it must answer 200. */
    private static String httpGet(String path) throws Exception {
        HttpResponse<String> response = SESSION.httpGetResponse(path);
        assertEquals(path, 200, response.statusCode());
        return response.body();
    }

    private void check(String what, String html) {
        SESSION.check(problems, what, html);
    }
}
