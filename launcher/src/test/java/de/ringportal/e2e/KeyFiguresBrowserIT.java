package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Year;
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

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("KeyFiguresBrowserIT",
            Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD, "RINGPORTAL_DEMO", "true"), "/kennzahlen")
            .preparing(home -> FixedRingsBundle.write(Files.createDirectories(home.resolve("deploy"))
                    .resolve("fixed-rings.jar"), Map.of("4", RING_4)));

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Enter, get the plausibility message, correct, save, release, and see the value ranked in the ring table. */
    @Test
    public void member_enters_checks_releases_and_sees_the_ring_table() throws Exception {
        int year = Year.now().getValue();
        ChromeDriver browser = SESSION.browser();
        SESSION.logIn("demo-mitglied", demoMemberPassword());

        SESSION.open("/kennzahlen/erfassen?jahr=" + year);
        check("/kennzahlen/erfassen?jahr=" + year);
        browser.findElement(By.id("feld-w-KDU")).sendKeys("1e308");
        submit("main form[action='/kennzahlen/erfassen'][method='post'] button[type='submit']");
        WebElement summary = wait(By.cssSelector(".error-summary"));
        assertTrue(summary.getText(), summary.getText().contains("„1e308“ ist keine Zahl im deutschen Format"));
        assertEquals("true", browser.findElement(By.id("feld-w-KDU")).getDomAttribute("aria-invalid"));
        SESSION.checkAccessibility(problems, "/kennzahlen/erfassen with a plausibility error");

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
        SESSION.open(table);
        WebElement own = wait(By.cssSelector("table.ring-table tr.own"));
        assertTrue(own.getText(), own.getText().contains("Landkreis Biberach (eigene Kommune)"));
        assertTrue(own.getText(), own.getText().contains("1.234,5"));
        assertTrue(own.getText(), own.getText().contains("bester Wert"));
        check(table);

        int lastYear = year - 1;
        for (String path : List.of("/kennzahlen", "/kennzahlen/ring/4?kennzahl=K2&jahr=" + lastYear,
                "/kennzahlen/bericht/4/" + lastYear, "/kennzahlen/profil?kommune=08426&jahr=" + lastYear,
                "/kennzahlen/profil?kommune=08426&kennzahl=K2&jahr=" + lastYear, "/kennzahlen/verlauf?jahr=" + year,
                "/kennzahlen/austausch", "/kennzahlen/katalog")) {
            SESSION.open(path);
            check(path);
        }
        String report = SESSION.httpGet("/kennzahlen/bericht/4/" + lastYear);
        assertTrue("the demo report says its values are synthetic", report.contains("Synthetische Demodaten"));
    }

    /** The demo member's password, printed once the demo accounts and the synthetic key figures exist. */
    private static String demoMemberPassword() throws InterruptedException {
        PortalProcess portal = SESSION.portal();
        portal.await("the demo accounts and key figures exist", PortalProcess.START_TIMEOUT,
                () -> DEMO_MEMBER.matcher(portal.output()).find()
                        && portal.output().contains("synthetic key figure values"));
        Matcher member = DEMO_MEMBER.matcher(portal.output());
        assertTrue(member.find());
        return member.group(1);
    }

    private static WebElement wait(By locator) {
        return new WebDriverWait(SESSION.browser(), BrowserSession.WAIT).withMessage(locator.toString())
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void submit(String css) {
        WebElement button = SESSION.browser().findElement(By.cssSelector(css));
        button.click();
        BrowserIT.awaitReplaced(SESSION.browser(), button);
    }

    /** The HTML checker on what the server sends for this path, and axe on the page the browser shows. */
    private void check(String path) throws Exception {
        SESSION.check(problems, path, SESSION.httpGet(path));
    }
}
