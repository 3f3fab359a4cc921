package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;


/**
 * The reports library and the search in headless Chromium, as the Redaktion uses them: the empty list, the upload
 * form (empty and with errors), a report uploaded through the form with a hostile title, its page, a ring report's
 * download audit, a new version's form, its edit form (empty and with errors), its deletion's question and the list
 * after it, and a search. Each state passes axe (no serious or critical violation) and the
 * Nu HTML Checker.
 */
public class ReportsBrowserIT {

    private static final Pattern DEMO_PASSWORD = Pattern.compile("demo-redaktion\\s+(\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static PortalProcess portal;
    private static ChromeDriver browser;
    private static HtmlChecker htmlChecker;
    private static Path home;

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    @BeforeClass
    public static void start() throws Exception {
        home = PortalProcess.newHome("ReportsBrowserIT");
        portal = PortalProcess.start(home, Map.of("RINGPORTAL_DEMO", "true"));
        portal.await("the demo accounts are printed", PortalProcess.START_TIMEOUT,
                () -> DEMO_PASSWORD.matcher(portal.output()).find());
        portal.await("/berichte answers 200", PortalProcess.START_TIMEOUT,
                () -> portal.get("/berichte").statusCode() == 200);
        browser = BrowserSupport.startChrome(home);
        htmlChecker = new HtmlChecker();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            portal.close();
        }
    }

    /** The Redaktion uploads through the form; every page and state on the way is accessible and valid. */
    @Test
    public void redaktion_uploads_a_report_and_every_page_is_accessible_and_valid() throws Exception {
        Matcher password = DEMO_PASSWORD.matcher(portal.output());
        assertTrue(password.find());
        logIn("demo-redaktion", password.group(1));

        open("/berichte");
        check("/berichte, empty", httpGet("/berichte"));
        open("/berichte/neu");
        check("/berichte/neu", httpGet("/berichte/neu"));

        Path empty = Files.write(home.resolve("leer.pdf"), new byte[0]);
        submitUpload(Map.of("titel", "", "jahr", "20x"), null, empty);
        assertTrue(browser.getPageSource().contains("Bitte geben Sie einen Titel ein."));
        // the POST's answer exists only in the browser: its DOM, serialised (which drops the doctype), is checked
        check("/berichte/neu with errors", "<!DOCTYPE html>\n" + browser.getPageSource());

        Path pdf = Files.write(home.resolve("Jahresbericht Übersicht.pdf"), pdf("Kennzahlenvergleich der Ringe"));
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
        portal.await("the search finds the report", Duration.ofSeconds(30),
                () -> httpGet("/suche?q=Kennzahlenvergleich").contains(reportPath));
        open("/suche?q=Kennzahlenvergleich");
        check("/suche with results", httpGet("/suche?q=Kennzahlenvergleich"));
        open("/suche?q=%27+OR+1%3D1");
        check("/suche without results", httpGet("/suche?q=%27+OR+1%3D1"));
    }

    private static void logIn(String userName, String password) {
        open("/anmelden");
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.findElement(By.name("benutzer")).sendKeys(userName);
        form.findElement(By.name("passwort")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("logged in, with a logout button")
                .until(driver -> !driver.findElements(By.cssSelector("form[action='/abmelden']")).isEmpty());
    }

    private static void open(String path) {
        browser.get(portal.uri(path).toString());
    }

    /** Opens the upload form, types the fields, picks the radio button and checkboxes by id, the file, and sends. */
    private static void submitUpload(Map<String, String> fields, String radio, Path file, String... checkboxes) {
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
        BrowserIT.awaitReplaced(browser, form);
    }

    private static String httpGet(String path) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        HttpResponse<String> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(path, 200, response.statusCode());
        return response.body();
    }

    private void check(String what, String html) {
        BrowserSupport.check(problems, browser, htmlChecker, "ReportsBrowserIT", what, html);
    }

    /** A one-page PDF with this (ASCII) text. */
    static byte[] pdf(String text) {
        String stream = "BT /F1 12 Tf 72 760 Td (" + text + ") Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
