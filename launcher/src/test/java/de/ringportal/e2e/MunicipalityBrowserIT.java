package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The registry's pages in a real browser against the real jar: list (filtered and sorted), detail pages, the map
 * (with its links working), and the administration pages in their form, error and confirmation states. Each passes
 * axe (no serious or critical violation, WCAG 2.1 A and AA) in the browser and the Nu HTML Checker on the HTML the
 * server sent.
 */
public class MunicipalityBrowserIT {

    private static final String ADMIN_PASSWORD = "Kommunen-Kennwort-2026!";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PortalProcess portal;
    private static ChromeDriver browser;
    private static HtmlChecker htmlChecker;
    private static Path home;

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    @BeforeClass
    public static void start() throws Exception {
        home = PortalProcess.newHome("MunicipalityBrowserIT");
        portal = PortalProcess.start(home, Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD));
        portal.await("/kommunen answers 200", PortalProcess.START_TIMEOUT,
                () -> portal.get("/kommunen").statusCode() == 200);
        portal.await("/anmelden answers 200", PortalProcess.START_TIMEOUT,
                () -> portal.get("/anmelden").statusCode() == 200);
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

    /**
     * List, filtered lists (one by ring 4, named), detail pages (one in ring 4, one with a reform, one with an
     * unknown predecessor) and the map.
     */
    @Test
    public void public_pages_are_accessible_and_valid_html() throws Exception {
        browser.manage().deleteAllCookies();
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
        browserGet("/kommunen/karte");
        List<WebElement> links = browser.findElements(By.cssSelector("svg.kreis-map a"));
        assertEquals(107, links.size());
        WebElement biberach = browser.findElement(By.cssSelector("svg.kreis-map a[href='/kommunen/08426']"));
        assertTrue(biberach.findElement(By.tagName("title")).getDomProperty("textContent")
                .startsWith("Landkreis Biberach"));
        biberach.click();
        new WebDriverWait(browser, WAIT).withMessage("the detail page opens")
                .until(ExpectedConditions.urlToBe(portal.uri("/kommunen/08426").toString()));
        assertEquals("Landkreis Biberach", browser.findElement(By.tagName("h1")).getText());
    }

    /** The administration in every state: overview, edit form, errors, merger confirmation, import report. */
    @Test
    public void admin_pages_are_accessible_and_valid_html() throws Exception {
        logIn();
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

        Path bad = home.resolve("kommunen-fehler.csv");
        Files.writeString(bad, "ags,name\n08426,=CMD(\"calc\")\n", StandardCharsets.UTF_8);
        browserGet("/admin/kommunen");
        WebElement form = browser.findElement(By.cssSelector("form[enctype='multipart/form-data']"));
        form.findElement(By.id("datei")).sendKeys(bad.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(browser, form);
        assertTrue(browser.getPageSource().contains("Die Datei wurde nicht übernommen"));
        check("import report", httpUpload(Files.readAllBytes(bad)));
    }

    private static void logIn() {
        browserGet("/anmelden");
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.findElement(By.name("benutzer")).sendKeys("admin");
        form.findElement(By.name("passwort")).sendKeys(ADMIN_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, WAIT).withMessage("logged in, with a logout button")
                .until(driver -> !driver.findElements(By.cssSelector("form[action='/abmelden']")).isEmpty());
    }

    private static void browserGet(String path) {
        browser.get(portal.uri(path).toString());
    }

    /** Opens the page, types into its main form's fields and sends it. */
    private static void browserSubmit(String path, Map<String, String> fields) {
        browserGet(path);
        WebElement form = browser.findElement(By.cssSelector("main form[method=post]"));
        fields.forEach((name, value) -> {
            WebElement input = form.findElement(By.name(name));
            input.clear();
            input.sendKeys(value);
        });
        form.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserIT.awaitReplaced(browser, form);
    }

    private static String httpGet(String path) throws IOException, InterruptedException {
        return BrowserSupport.httpGet(browser, portal.uri(path));
    }

    private static String httpPost(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return BrowserSupport.httpPost(browser, portal.uri(path), fields);
    }

    /** The import form over HTTP, multipart, with the browser's cookies and CSRF token. */
    private static String httpUpload(byte[] file) throws IOException, InterruptedException {
        String boundary = "----kommunen" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + browser.manage().getCookieNamed("rp_csrf").getValue() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"kommunen-fehler.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return BrowserSupport.send(browser, HttpRequest.newBuilder(portal.uri("/admin/kommunen/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Records the findings of both checkers for one page state and goes on. */
    private void check(String what, String html) {
        try {
            List<HtmlChecker.Message> errors = htmlChecker.check(html).stream().filter(HtmlChecker.Message::error)
                    .toList();
            if (!errors.isEmpty()) {
                problems.addError(new AssertionError(what + " is not valid HTML:\n"
                        + errors.stream().map(Object::toString).collect(Collectors.joining("\n"))));
            }
            Results results = new AxeBuilder().withTags(BrowserIT.AXE_TAGS).analyze(browser);
            List<String> blocking = new ArrayList<>();
            results.getViolations().stream().filter(rule -> BrowserIT.BLOCKING_IMPACTS.contains(rule.getImpact()))
                    .forEach(rule -> blocking.add(BrowserIT.describe(rule)));
            results.getViolations().forEach(rule -> System.out.println("MunicipalityBrowserIT: axe " + what + ": "
                    + BrowserIT.describe(rule)));
            System.out.printf("MunicipalityBrowserIT: %s: %d HTML errors, %d axe violations (%d serious or "
                    + "critical)%n", what, errors.size(), results.getViolations().size(), blocking.size());
            if (results.isErrored()) {
                problems.addError(new AssertionError("axe failed on " + what + ": " + results.getErrorMessage()));
            } else if (!blocking.isEmpty()) {
                problems.addError(new AssertionError(what + " has serious accessibility violations:\n"
                        + String.join("\n", blocking)));
            }
        } catch (Exception e) {
            problems.addError(new AssertionError("checking " + what + " failed: " + e, e));
        }
    }
}
