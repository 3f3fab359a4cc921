package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;

import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A ring member in a real browser, on the demo installation: enters a value (first a wrong one, then a right one with
 * the comment the jump needs), releases it and finds it in the ring table. Each key figure page on the way passes
 * axe-core (no serious or critical WCAG 2.1 AA violation) and the Nu HTML Checker. The rings come from the
 * {@link FixedRings} bundle in the deploy folder: ring 4 with Landkreis Biberach (the demo accounts' 08426) and five
 * neighbours.
 */
public class KeyFiguresBrowserIT {

    static final String ADMIN_PASSWORD = "Browser-Kennwort-2026!";
    static final List<String> RING_4 = List.of("08426", "08435", "08236", "08118", "08317", "08136");
    private static final Pattern DEMO_MEMBER = Pattern.compile("demo-mitglied\\s+(\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PortalProcess portal;
    private static ChromeDriver browser;
    private static HtmlChecker htmlChecker;
    private static String password;

    @org.junit.Rule
    public final ErrorCollector problems = new ErrorCollector();

    @BeforeClass
    public static void start() throws Exception {
        Path home = PortalProcess.newHome("KeyFiguresBrowserIT");
        FixedRingsBundle.write(Files.createDirectories(home.resolve("deploy")).resolve("fixed-rings.jar"),
                Map.of("4", RING_4));
        portal = PortalProcess.start(home, Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "RINGPORTAL_DEMO", "true"));
        portal.await("the demo accounts and key figures exist", PortalProcess.START_TIMEOUT,
                () -> DEMO_MEMBER.matcher(portal.output()).find()
                        && portal.output().contains("synthetic key figure values"));
        Matcher member = DEMO_MEMBER.matcher(portal.output());
        assertTrue(member.find());
        password = member.group(1);
        portal.await("the ring comparison knows ring 4", PortalProcess.START_TIMEOUT,
                () -> portal.get("/kennzahlen").statusCode() == 200);
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

    /** Enter, get the plausibility message, correct, save, release, and see the value ranked in the ring table. */
    @Test
    public void member_enters_checks_releases_and_sees_the_ring_table() throws Exception {
        int year = Year.now().getValue();
        browser.get(portal.uri("/anmelden").toString());
        browser.findElement(By.id("benutzer")).sendKeys("demo-mitglied");
        browser.findElement(By.id("passwort")).sendKeys(password);
        browser.findElement(By.cssSelector("main form[action='/anmelden'] button[type='submit']")).click();
        wait(By.cssSelector(".login-box__who"));
        String session = "rp_session=" + browser.manage().getCookieNamed("rp_session").getValue();

        browser.get(portal.uri("/kennzahlen/erfassen?jahr=" + year).toString());
        check("/kennzahlen/erfassen?jahr=" + year, session);
        browser.findElement(By.id("feld-w-KDU")).sendKeys("1e308");
        submit("main form[action='/kennzahlen/erfassen'][method='post'] button[type='submit']");
        WebElement summary = wait(By.cssSelector(".error-summary"));
        assertTrue(summary.getText(), summary.getText().contains("„1e308“ ist keine Zahl im deutschen Format"));
        assertEquals("true", browser.findElement(By.id("feld-w-KDU")).getDomAttribute("aria-invalid"));
        accessibility("/kennzahlen/erfassen with a plausibility error");

        WebElement field = browser.findElement(By.id("feld-w-KDU"));
        field.clear();
        field.sendKeys("1.234,5");
        browser.findElement(By.id("feld-k-KDU")).sendKeys("Neue Mietobergrenzen ab Januar");
        submit("main form[action='/kennzahlen/erfassen'][method='post'] button[type='submit']");
        assertEquals("1 Wert gespeichert (als Entwurf).", wait(By.cssSelector("p.notice[role='status']")).getText());
        assertEquals("1.234,5", browser.findElement(By.id("feld-w-KDU")).getDomProperty("value"));

        submit("main form[action='/kennzahlen/freigeben'] button[type='submit']");
        assertEquals("1 Wert freigegeben.", wait(By.cssSelector("p.notice[role='status']")).getText());

        String table = "/kennzahlen/ring/4?kennzahl=KDU&jahr=" + year;
        browser.get(portal.uri(table).toString());
        WebElement own = wait(By.cssSelector("table.ring-table tr.own"));
        assertTrue(own.getText(), own.getText().contains("Landkreis Biberach (eigene Kommune)"));
        assertTrue(own.getText(), own.getText().contains("1.234,5"));
        assertTrue(own.getText(), own.getText().contains("bester Wert"));
        check(table, session);

        int lastYear = year - 1;
        for (String path : List.of("/kennzahlen", "/kennzahlen/ring/4?kennzahl=K2&jahr=" + lastYear,
                "/kennzahlen/bericht/4/" + lastYear, "/kennzahlen/profil?kommune=08426&jahr=" + lastYear,
                "/kennzahlen/profil?kommune=08426&kennzahl=K2&jahr=" + lastYear, "/kennzahlen/verlauf?jahr=" + year,
                "/kennzahlen/austausch", "/kennzahlen/katalog")) {
            browser.get(portal.uri(path).toString());
            check(path, session);
        }
        String report = fetch("/kennzahlen/bericht/4/" + lastYear, session);
        assertTrue("the demo report says its values are synthetic", report.contains("Synthetische Demodaten"));
    }

    private static WebElement wait(By locator) {
        return new WebDriverWait(browser, BrowserIT.WAIT).withMessage(locator.toString())
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void submit(String css) {
        WebElement button = browser.findElement(By.cssSelector(css));
        button.click();
        BrowserIT.awaitReplaced(browser, button);
    }

    /** The HTML checker on what the server sends for this path, and axe on the page the browser shows. */
    private void check(String path, String session) {
        try {
            String html = fetch(path, session);
            List<HtmlChecker.Message> errors = htmlChecker.check(html).stream().filter(HtmlChecker.Message::error)
                    .toList();
            System.out.printf("KeyFiguresBrowserIT: %s: HTML checker: %d errors%n", path, errors.size());
            if (!errors.isEmpty()) {
                problems.addError(new AssertionError(path + " is not valid HTML:\n" + errors));
            }
        } catch (Exception e) {
            problems.addError(new AssertionError("checking " + path + " failed: " + e, e));
        }
        accessibility(path);
    }

    private void accessibility(String label) {
        Results results = new AxeBuilder().withTags(BrowserIT.AXE_TAGS).analyze(browser);
        if (results.isErrored()) {
            problems.addError(new AssertionError("axe failed on " + label + ": " + results.getErrorMessage()));
            return;
        }
        List<String> blocking = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            System.out.println("KeyFiguresBrowserIT: axe " + label + ": " + BrowserIT.describe(violation));
            if (BrowserIT.BLOCKING_IMPACTS.contains(violation.getImpact())) {
                blocking.add(BrowserIT.describe(violation));
            }
        }
        if (!blocking.isEmpty()) {
            problems.addError(new AssertionError(label + " has serious accessibility violations:\n"
                    + String.join("\n", blocking)));
        }
    }

    private static String fetch(String path, String session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(portal.uri(path)).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }
}
