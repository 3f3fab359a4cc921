package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
 * axe-core (no serious or critical WCAG 2.1 AA violation) and the Nu HTML Checker. The rings are the shipped rings
 * module's demo rings: the ring of Landkreis Biberach (the demo accounts' 08426) is found through the key figures
 * overview, its members through the rings module's public ring page, and last year's ring table must list exactly
 * those members, each with a released (synthetic) value.
 */
public class KeyFiguresBrowserIT {

    static final String ADMIN_PASSWORD = "Browser-Kennwort-2026!";
    private static final Pattern DEMO_MEMBER = Pattern.compile("demo-mitglied\\s+(\\S+)");
    private static final Pattern RING_LINK = Pattern.compile("/kennzahlen/ring/([^?/]+)\\?jahr=(\\d{4})");
    private static final Pattern MEMBER_ITEM = Pattern.compile(" \\(\\d{5}\\)$");

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("KeyFiguresBrowserIT",
            Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD, "RINGPORTAL_DEMO", "true"), "/kennzahlen");

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Enter, get the plausibility message, correct, save, release, and see the value ranked in the ring table. */
    @Test
    public void member_enters_checks_releases_and_sees_the_ring_table() throws Exception {
        int year = Year.now().getValue();
        int lastYear = year - 1;
        ChromeDriver browser = SESSION.browser();
        SESSION.logIn("demo-mitglied", demoMemberPassword());
        String ring = demoRing(year);

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

        String table = "/kennzahlen/ring/" + ring + "?kennzahl=KDU&jahr=" + year;
        SESSION.open(table);
        WebElement own = wait(By.cssSelector("table.ring-table tr.own"));
        assertTrue(own.getText(), own.getText().contains("Landkreis Biberach (eigene Kommune)"));
        assertTrue(own.getText(), own.getText().contains("1.234,5"));
        assertTrue(own.getText(), own.getText().contains("bester Wert"));
        check(table);

        List<String> members = ringMembers(ring, lastYear);
        assertTrue("the demo ring of 08426 has Landkreis Biberach and others: " + members,
                members.contains("Landkreis Biberach") && members.size() > 5);
        String lastYearTable = "/kennzahlen/ring/" + ring + "?kennzahl=K2&jahr=" + lastYear;
        SESSION.open(lastYearTable);
        List<WebElement> rows = browser.findElements(By.cssSelector("table.ring-table tbody tr"));
        List<String> names = rows.stream().map(row -> row.findElement(By.cssSelector("th a")).getText()
                .replace(" (eigene Kommune)", "")).sorted().toList();
        assertEquals("the ring table lists the ring's members of " + lastYear, members, names);
        for (WebElement row : rows) {
            String value = row.findElement(By.cssSelector("td:nth-of-type(2)")).getText();
            assertTrue("a released demo value for every member: " + row.getText(),
                    value.matches("[-\u2212]?[\\d.]+(,\\d+)?"));
        }
        check(lastYearTable);

        for (String path : List.of("/kennzahlen", "/kennzahlen/bericht/" + ring + "/" + lastYear,
                "/kennzahlen/profil?kommune=08426&jahr=" + lastYear,
                "/kennzahlen/profil?kommune=08426&kennzahl=K2&jahr=" + lastYear, "/kennzahlen/verlauf?jahr=" + year,
                "/kennzahlen/austausch", "/kennzahlen/katalog")) {
            SESSION.open(path);
            check(path);
        }
        String report = SESSION.httpGet("/kennzahlen/bericht/" + ring + "/" + lastYear);
        assertTrue("the demo report says its values are synthetic", report.contains("Synthetische Demodaten"));
    }

    /** The ring of the demo member's municipality this year, as the key figures overview links it. */
    private static String demoRing(int year) throws InterruptedException {
        String[] ring = new String[1];
        SESSION.portal().await("/kennzahlen links the demo member's ring of " + year, PortalProcess.START_TIMEOUT,
                () -> {
                    SESSION.open("/kennzahlen");
                    By links = By.cssSelector("main a[href^='/kennzahlen/ring/']");
                    for (WebElement a : SESSION.browser().findElements(links)) {
                        Matcher link = RING_LINK.matcher(a.getDomAttribute("href"));
                        if (link.matches() && link.group(2).equals(Integer.toString(year))) {
                            ring[0] = link.group(1);
                            return true;
                        }
                    }
                    return false;
                });
        return ring[0];
    }

    /**
     * The ring's members in that year by name, sorted, as the rings module's public ring page lists them; waits until
     * the rings module has put the registry's municipalities into the demo rings (Landkreis Biberach comes first).
     */
    private static List<String> ringMembers(String ring, int year) throws InterruptedException {
        String page = "/ringe/" + ring + "?jahr=" + year;
        PortalProcess portal = SESSION.portal();
        portal.await("the demo ring " + ring + " has more members than Landkreis Biberach", PortalProcess.START_TIMEOUT,
                () -> {
                    SESSION.open(page);
                    return SESSION.browser().findElements(By.cssSelector(".ring-card__members li")).size() > 1;
                });
        return SESSION.browser().findElements(By.cssSelector(".ring-card__members li")).stream()
                .map(item -> {
                    String text = item.getText();
                    for (WebElement mark : item.findElements(By.cssSelector(".demo-mark"))) {
                        text = text.substring(0, text.length() - mark.getText().length());
                    }
                    return MEMBER_ITEM.matcher(text.strip()).replaceFirst("");
                }).sorted().toList();
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
