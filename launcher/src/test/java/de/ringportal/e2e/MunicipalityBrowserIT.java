package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * The registry's pages in a real browser against the real jar: list (filtered and sorted), detail pages, the map
 * (with its links working), and the administration pages in their form, error and confirmation states. Each passes
 * axe (no serious or critical violation, WCAG 2.1 A and AA) in the browser and the Nu HTML Checker on the HTML the
 * server sent.
 */
public class MunicipalityBrowserIT {

    private static final String ADMIN_PASSWORD = "Kommunen-Kennwort-2026!";

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("MunicipalityBrowserIT",
            Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD), "/kommunen", "/anmelden");

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /**
     * List, filtered lists (one by ring 4, named), detail pages (one in ring 4, one with a reform, one with an
     * unknown predecessor) and the map.
     */
    @Test
    public void public_pages_are_accessible_and_valid_html() throws Exception {
        SESSION.browser().manage().deleteAllCookies();
        for (String path : List.of("/kommunen", "/kommunen?land=Sachsen&status=aufgeloest&sortierung=jahr&richtung=ab",
                "/kommunen?seite=3", "/kommunen?ring=4", "/kommunen/05558", "/kommunen/14625", "/kommunen/14627",
                "/kommunen/15153", "/kommunen/karte")) {
            browserGet(path);
            check(path, httpGet(path));
        }
    }

    /** The map in the browser: every filled Kreis is a link with a title, and following one opens its page. */
    @Test
    public void map_links_lead_to_the_detail_pages() {
        ChromeDriver browser = SESSION.browser();
        browserGet("/kommunen/karte");
        List<WebElement> links = browser.findElements(By.cssSelector("svg.kreis-map a"));
        assertEquals(107, links.size());
        WebElement biberach = browser.findElement(By.cssSelector("svg.kreis-map a[href='/kommunen/08426']"));
        assertTrue(biberach.findElement(By.tagName("title")).getDomProperty("textContent")
                .startsWith("Landkreis Biberach"));
        biberach.click();
        new WebDriverWait(browser, BrowserSession.WAIT).withMessage("the detail page opens")
                .until(ExpectedConditions.urlToBe(SESSION.portal().uri("/kommunen/08426").toString()));
        assertEquals("Landkreis Biberach", browser.findElement(By.tagName("h1")).getText());
    }

    /** The administration in every state: overview, edit form, errors, merger confirmation, import report. */
    @Test
    public void admin_pages_are_accessible_and_valid_html() throws Exception {
        ChromeDriver browser = SESSION.browser();
        SESSION.logIn("admin", ADMIN_PASSWORD);
        for (String path : List.of("/admin/kommunen", "/admin/kommunen/08426", "/admin/kommunen/08426/fusion",
                "/admin/kommunen/08426/umbenennen")) {
            browserGet(path);
            check(path, httpGet(path));
        }
        Map<String, String> wrong = Map.of("name", "", "admitted_year", "zweitausend", "since", "gestern");
        browserSubmit("/admin/kommunen/08426", wrong);
        check("edit form with errors", httpPost("/admin/kommunen/08426", wrong));
        Map<String, String> merger = Map.of("nachfolger", "08435", "letzter_tag", "2030-12-31");
        browserSubmit("/admin/kommunen/08426/fusion", merger);
        check("merger confirmation", httpPost("/admin/kommunen/08426/fusion", merger));

        Path bad = SESSION.home().resolve("kommunen-fehler.csv");
        Files.writeString(bad, "ags,name\n08426,=CMD(\"calc\")\n", StandardCharsets.UTF_8);
        browserGet("/admin/kommunen");
        WebElement form = browser.findElement(By.cssSelector("form[enctype='multipart/form-data']"));
        form.findElement(By.id("datei")).sendKeys(bad.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(browser, form);
        assertTrue(browser.getPageSource().contains("Die Datei wurde nicht übernommen"));
        check("import report", SESSION.httpUpload("/admin/kommunen/import", Map.of(), "datei", "kommunen-fehler.csv",
                "text/csv", Files.readAllBytes(bad)));
    }

    private static void browserGet(String path) {
        SESSION.open(path);
    }

    private static void browserSubmit(String path, Map<String, String> fields) {
        SESSION.submit(path, fields, null);
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
