package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
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
import org.openqa.selenium.support.ui.WebDriverWait;


/**
 * An administrator installs the events module through the Erweiterungen page in a real browser and finds its menu
 * entry; the page, its confirmation step, the settings pages and the events pages pass axe (no serious or critical
 * violation) and the Nu HTML Checker. After a restart of the portal the module installed from the page is still there.
 */
public class ExtensionsBrowserIT {

    private static final String ADMIN_PASSWORD = "Erweiterungen-im-Browser-2026";
    private static final String EDITOR_PASSWORD = "Termine-der-Ringe-2026";
    private static final Pattern LINK = Pattern.compile("(/passwort-setzen\\?token(?:=|&#61;)[A-Za-z0-9_-]{43})");

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("ExtensionsBrowserIT",
            Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD), "/anmelden");

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Upload through the page, menu entry, accessible and valid pages, and the module survives a restart. */
    @Test
    public void administrator_uploads_the_events_jar_and_sees_its_menu_entry() throws Exception {
        ChromeDriver browser = SESSION.browser();
        SESSION.logIn("admin", ADMIN_PASSWORD);
        browserGet("/admin/erweiterungen");
        check("/admin/erweiterungen", httpGet("/admin/erweiterungen"));
        assertTrue("no events entry before the upload", browser.findElements(
                By.cssSelector("nav.main-nav a[href='/veranstaltungen']")).isEmpty());

        WebElement form = browser.findElement(By.cssSelector("form[enctype='multipart/form-data']"));
        form.findElement(By.id("feld-datei")).sendKeys(eventsJar().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(browser, form);

        String result = browser.findElement(By.cssSelector("main")).getText();
        assertTrue(result, result.contains("ist installiert und gestartet"));
        WebElement entry = browser.findElement(By.cssSelector("nav.main-nav a[href='/veranstaltungen']"));
        assertEquals("Veranstaltungen", entry.getText().strip());
        check("/admin/erweiterungen after the upload", httpGet("/admin/erweiterungen"));

        entry.click();
        new WebDriverWait(browser, BrowserSession.WAIT).until(driver -> driver.getTitle().contains("Veranstaltungen"));
        check("/veranstaltungen", httpGet("/veranstaltungen"));

        browserGet("/admin/erweiterungen");
        String removeLink = browser.findElement(By.xpath("//a[starts-with(text(),'Entfernen')]")).getDomAttribute("href");
        browserGet(removeLink);
        check("the confirmation step", httpGet(removeLink));
        browserGet("/admin/erweiterungen/konfiguration");
        check("/admin/erweiterungen/konfiguration", httpGet("/admin/erweiterungen/konfiguration"));
        String events = "/admin/erweiterungen/konfiguration?pid=de.ringportal.events.internal.EventsPage";
        browserGet(events);
        check("the events settings form", httpGet(events));

        // the events form, empty and with errors, as the Redaktion sees it
        String link = passwordLink(httpPost("/admin/konten/neu", Map.of("benutzername", "redaktion.termine", "name",
                "Redaktion Termine", "email", "termine@example.org", "ags", "", "rolle", "redaktion", "aktiv", "ja")));
        httpPost("/passwort-setzen", Map.of("token", link.substring(link.length() - 43), "passwort", EDITOR_PASSWORD,
                "wiederholung", EDITOR_PASSWORD));
        SESSION.logOut();
        SESSION.logIn("redaktion.termine", EDITOR_PASSWORD);
        browserGet("/veranstaltungen/neu");
        check("/veranstaltungen/neu", httpGet("/veranstaltungen/neu"));
        Map<String, String> wrong = Map.of("titel", "", "tag", "31.02.2026", "beginn", "16:00", "ende", "10:00",
                "ort", "Biberach", "ring", "../x", "programm", "Begrüßung");
        WebElement eventForm = browser.findElement(By.cssSelector("main form[method=post]"));
        eventForm.findElement(By.name("ring")).sendKeys("../x");
        eventForm.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(browser, eventForm);
        HttpResponse<String> refused = SESSION.httpPostResponse("/veranstaltungen/neu", wrong);
        assertEquals(422, refused.statusCode());
        check("/veranstaltungen/neu with errors", refused.body());

        // installed from the page, still installed after a restart
        int exitCode = SESSION.restartPortal();
        assertTrue("stopped by SIGTERM, exit code " + exitCode, exitCode == 143 || exitCode == 0);
        PortalProcess portal = SESSION.portal();
        portal.await("/veranstaltungen answers 200 after the restart", PortalProcess.START_TIMEOUT,
                () -> portal.get("/veranstaltungen").statusCode() == 200);
    }

    private static Path eventsJar() {
        Path jar = Path.of(System.getProperty("ringportal.it.events", "../modules/events/target/events-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath().normalize();
        assertTrue(jar + " is missing: build modules/events first", Files.isRegularFile(jar));
        return jar;
    }

    private static void browserGet(String path) {
        SESSION.open(path);
    }

    /** The HTML the server sends for the page, with the browser's cookies: it must answer 200. */
    private static String httpGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = SESSION.httpGetResponse(path);
        assertEquals(path, 200, response.statusCode());
        return response.body();
    }

    private static String passwordLink(String html) {
        Matcher link = LINK.matcher(html);
        assertTrue("no password link on the page", link.find());
        return link.group(1).replace("&#61;", "=");
    }

    private static String httpPost(String path, Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> response = SESSION.httpPostResponse(path, fields);
        assertTrue(path + " answered " + response.statusCode(), response.statusCode() < 400);
        return response.body();
    }

    private void check(String what, String html) {
        SESSION.check(problems, what, html);
    }
}
