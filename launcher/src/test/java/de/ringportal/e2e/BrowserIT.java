package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;

/**
 * Every page a visitor reaches through the menus, in a real browser: no serious or critical accessibility violation
 * (axe-core, WCAG 2.1 A and AA) and valid HTML (Nu HTML Checker). The pages are found by following the links of the
 * main menu and the footer menu from the start page, so a new page is checked as soon as it has a menu entry. The
 * same holds once logged in through the header's login box, and for the login page showing an error.
 */
public class BrowserIT {

    static final String MENU_LINKS = "nav[aria-label='Hauptmenü'] a, footer nav a";
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    /** Pages no menu links to that visitors still see, with the status they answer. */
    static final Map<String, Integer> PAGES_OUTSIDE_THE_MENUS = Map.of("/gibt-es-nicht", 404);
    /** The first administrator's password, given to the portal as an operator would (environment variable). */
    static final String ADMIN_PASSWORD = "Browser-Kennwort-2026!";
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("BrowserIT",
            Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD), "/anmelden");

    private static PortalProcess portal;
    private static ChromeDriver browser;

    @org.junit.Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Every test starts as a visitor who has not logged in. */
    @Before
    public void anonymous() throws InterruptedException {
        portal = SESSION.portal();
        browser = SESSION.browser();
        // /health answers before the accounts module has created the administrator and registered its pages
        portal.await("the administrator exists", PortalProcess.START_TIMEOUT,
                () -> portal.output().contains("Administrationskonto „admin“"));
        browser.get(portal.uri("/").toString());
        browser.manage().deleteAllCookies();
    }

    /** Each page reachable through the main and footer menus, and the error page, passes axe and the HTML checker. */
    @Test
    public void every_page_in_the_menus_is_accessible_and_valid_html() throws Exception {
        Set<String> visited = checkPagesInTheMenus(null);
        PAGES_OUTSIDE_THE_MENUS.forEach((path, status) -> check(path, status, null));

        System.out.println("BrowserIT: pages reached through the menus: " + visited);
        assertTrue("the menus were not found: " + visited, visited.size() > 1);
    }

    /**
     * Logging in through the header's box (type, press the button) lands on the same page with "Angemeldet: …" in
     * the header; every page in the menus stays accessible and valid; the header's button logs out again.
     */
    @Test
    public void login_through_the_header_box_keeps_pages_accessible_and_valid_then_logout() throws Exception {
        browser.get(portal.uri("/impressum").toString());
        browser.findElement(By.id("kopf-benutzer")).sendKeys("admin");
        browser.findElement(By.id("kopf-passwort")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector(".login-box form[action='/anmelden'] button[type='submit']")).click();

        WebElement who = new WebDriverWait(browser, WAIT).withMessage("the header shows who is logged in")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".login-box__who")));
        assertEquals("Angemeldet: Administration", who.getText());
        assertEquals("back on the page where the login started", portal.uri("/impressum").toString(),
                browser.getCurrentUrl());
        Cookie session = browser.manage().getCookieNamed("rp_session");
        assertNotNull("session cookie", session);
        assertTrue("HttpOnly", session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        assertTrue("no script can read the session", ((String) browser.executeScript("return document.cookie"))
                .isEmpty());

        Set<String> visited = checkPagesInTheMenus("rp_session=" + session.getValue());
        System.out.println("BrowserIT: pages checked while logged in: " + visited);
        assertTrue("the menus were not found: " + visited, visited.size() > 1);

        browser.get(portal.uri("/datenschutz").toString());
        browser.findElement(By.cssSelector(".login-box form[action='/abmelden'] button[type='submit']")).click();
        new WebDriverWait(browser, WAIT).withMessage("the header offers the login form again")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("kopf-benutzer")));
        assertTrue(browser.findElements(By.cssSelector(".login-box__who")).isEmpty());
        assertNull("the session cookie is gone", browser.manage().getCookieNamed("rp_session"));
        assertFalse("the old session is over on the server too",
                fetch("/", "rp_session=" + session.getValue()).body().contains("Angemeldet:"));
    }

    /** The login page, empty and with the error after a wrong password, passes axe and the HTML checker. */
    @Test
    public void login_page_with_error_message_is_accessible_and_valid_html() throws Exception {
        check("/anmelden", 200, null);
        HttpResponse<String> failed = failedLogin();
        assertEquals(200, failed.statusCode());
        assertTrue(failed.body().contains("Benutzername oder Passwort ist falsch."));
        SESSION.checkHtml(problems, "/anmelden after a wrong password", failed.body());

        browser.get(portal.uri("/anmelden").toString());
        browser.findElement(By.id("benutzer")).sendKeys("admin");
        browser.findElement(By.id("passwort")).sendKeys("Falsches-Passwort-1");
        browser.findElement(By.cssSelector("main form[action='/anmelden'] button[type='submit']")).click();
        WebElement error = new WebDriverWait(browser, WAIT).withMessage("the error message")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("anmeldung-fehler")));
        assertEquals("Benutzername oder Passwort ist falsch.", error.getText());
        assertEquals("true", browser.findElement(By.id("passwort")).getDomAttribute("aria-invalid"));
        assertEquals("anmeldung-fehler", browser.findElement(By.id("benutzer")).getDomAttribute("aria-describedby"));
        SESSION.checkAccessibility(problems, "/anmelden after a wrong password");
    }

    /** The first TAB reaches the visible skip link, and ENTER on it moves the keyboard focus into the main content. */
    @Test
    public void skip_link_moves_keyboard_focus_to_main() {
        browser.get(portal.uri("/").toString());

        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement skipLink = browser.switchTo().activeElement();
        assertEquals("Zum Inhalt springen", skipLink.getText());
        assertTrue("the focused skip link is on screen", skipLink.isDisplayed() && skipLink.getRect().getY() >= 0);

        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, WAIT).withMessage("focus on <main id=inhalt>")
                .until(driver -> "inhalt".equals(driver.switchTo().activeElement().getDomAttribute("id")));
        assertEquals("main", browser.switchTo().activeElement().getTagName());
    }

    /**
     * Follows the main and footer menus from the start page, checking each page; with a session cookie, as the
     * person logged in (the browser holds the same session). Returns the pages reached.
     */
    private Set<String> checkPagesInTheMenus(String sessionCookie) {
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of("/"));
        while (!toVisit.isEmpty()) {
            String path = toVisit.poll();
            if (visited.add(path)) {
                check(path, 200, sessionCookie);
                toVisit.addAll(menuLinks());
            }
        }
        return visited;
    }

    /**
     * Runs both checkers on one page, as the person with this session cookie (null: nobody logged in); records
     * problems and goes on, so one run lists every page's problems.
     */
    private void check(String path, int expectedStatus, String sessionCookie) {
        try {
            HttpResponse<String> response = fetch(path, sessionCookie);
            boolean loggedIn = response.body().contains("<p class=\"login-box__who\">Angemeldet:");
            if (loggedIn != (sessionCookie != null)) {
                problems.addError(new AssertionError(path + (loggedIn ? " shows" : " does not show")
                        + " a logged-in person"));
            }
            if (response.statusCode() != expectedStatus) {
                problems.addError(new AssertionError(path + " answered " + response.statusCode() + ", expected "
                        + expectedStatus));
            }
            String label = sessionCookie == null ? path : path + " (logged in)";
            SESSION.checkHtml(problems, label, response.body());
            browser.get(portal.uri(path).toString());
            SESSION.checkAccessibility(problems, label);
        } catch (Exception e) {
            problems.addError(new AssertionError("checking " + path + " failed: " + e, e));
        }
    }

    /** A GET as the browser sends it, with the session cookie if not null. */
    private static HttpResponse<String> fetch(String path, String sessionCookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(path)).timeout(WAIT);
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The login form sent with a wrong password, as a browser without JavaScript sends it. */
    private static HttpResponse<String> failedLogin() throws IOException, InterruptedException {
        HttpResponse<String> form = fetch("/anmelden", null);
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rp_csrf="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = CSRF_FIELD.matcher(form.body());
        assertTrue("the login form has a CSRF token", token.find());
        String body = "_csrf=" + token.group(1) + "&ziel=%2F&benutzer=admin&passwort=Falsches-Passwort-2";
        return HTTP.send(HttpRequest.newBuilder(portal.uri("/anmelden")).timeout(WAIT)
                .header("Cookie", csrfCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String describe(Rule violation) {
        StringBuilder text = new StringBuilder().append(violation.getImpact()).append(' ').append(violation.getId())
                .append(": ").append(violation.getHelp()).append(" (").append(violation.getHelpUrl()).append(')');
        for (CheckedNode node : violation.getNodes()) {
            text.append("\n    ").append(node.getTarget()).append(' ').append(node.getHtml())
                    .append("\n      ").append(String.valueOf(node.getFailureSummary()).replace("\n", "\n      "));
        }
        return text.toString();
    }

    /** The portal paths the current page's main and footer menus link to. */
    private static List<String> menuLinks() {
        List<String> paths = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector(MENU_LINKS))) {
            URI target = URI.create(portal.uri("/").toString()).resolve(link.getDomAttribute("href"));
            if (target.getAuthority().equals(portal.uri("/").getAuthority())) {
                paths.add(target.getRawPath());
            }
        }
        return paths;
    }

    /**
     * Waits (up to a minute, for uploads on a loaded machine) until a submitted form's element has left the page,
     * that is, until the answer has replaced the old document. Chromium reports an element of a replaced document
     * either as stale or as a node that "does not belong to the document": both count as gone.
     */
    static void awaitReplaced(WebDriver browser, WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }
}
