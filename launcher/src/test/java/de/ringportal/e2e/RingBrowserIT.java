package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.is;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ring pages in a real browser, on a portal started with the demo switch: the public overview and ring pages,
 * the internal area as the demo moderator of Landkreis Biberach (08426, demo ring 6) sees it, with a form showing
 * its errors, and the ring administration. Each page passes axe (no serious or critical violation) and the Nu HTML
 * Checker on the HTML the server sent; the demo content is visibly marked.
 */
public class RingBrowserIT {

    private static final String ADMIN_PASSWORD = "Ring-Browser-Kennwort-2026!";
    private static final Pattern DEMO_PASSWORD = Pattern.compile("demo-moderation\\s+(\\S+)");

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("RingBrowserIT",
            Map.of("RINGPORTAL_DEMO", "true", "RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD), "/ringe", "/anmelden");

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Overview and ring pages, anonymous: accessible, valid, and ring 4 shows its documented members. */
    @Test
    public void public_ring_pages_are_accessible_and_valid_html() throws Exception {
        SESSION.browser().manage().deleteAllCookies();
        for (String path : List.of("/ringe", "/ringe/4?jahr=2011", "/ringe/6")) {
            browserGet(path);
            check(path, httpGet(path));
        }
        assertTrue(httpGet("/ringe/4?jahr=2011").contains("05558"));
    }

    /**
     * The overview's seven maps share one hidden copy of the outlines: in the browser each map draws them through its
     * {@code <use>} references (full size, not empty), the members are visible links, and the hidden copy takes no
     * room on the page.
     */
    @Test
    public void overview_maps_draw_the_shared_outlines() throws Exception {
        SESSION.browser().manage().deleteAllCookies();
        // the demo members follow the registry's start: wait until every ring has its map
        SESSION.portal().await("seven ring maps on /ringe", PortalProcess.START_TIMEOUT, () -> httpGet("/ringe")
                .split("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kreis-map\"", -1).length - 1 == 7);
        browserGet("/ringe");
        assertTrue(SESSION.browser().findElements(By.cssSelector(".ring-map svg.kreis-map")).size() == 7);
        check("/ringe with seven maps", httpGet("/ringe"));
        WebElement outlines = SESSION.browser().findElement(By.cssSelector("svg.kreis-map-outlines"));
        problems.checkThat("the hidden outlines take no room", outlines.getRect().getWidth()
                + outlines.getRect().getHeight(), is(0));
        for (WebElement map : SESSION.browser().findElements(By.cssSelector(".ring-map svg.kreis-map"))) {
            String name = map.findElement(By.tagName("title")).getAttribute("id");
            int width = map.getRect().getWidth();
            for (WebElement use : map.findElements(By.tagName("use"))) {
                // a reference that did not resolve draws nothing and has an empty box
                problems.checkThat(name + ": " + use.getAttribute("href") + " drawn across the map",
                        use.getRect().getWidth() > width / 2, is(true));
            }
            List<WebElement> members = map.findElements(By.cssSelector("a"));
            problems.checkThat(name + " links members", members.isEmpty(), is(false));
            for (WebElement member : members) {
                problems.checkThat(name + ": member drawn", member.getRect().getWidth() > 0, is(true));
            }
        }
    }

    /**
     * The demo moderator of Landkreis Biberach enters demo ring 6: overview, announcements (also with the errors of
     * an empty form), meetings, one meeting, the contact directory; all marked as demo.
     */
    @Test
    public void internal_area_of_the_demo_ring_is_accessible_and_valid_html() throws Exception {
        ChromeDriver browser = SESSION.browser();
        logIn("demo-moderation", demoPassword());
        String overview = httpGet("/ringe/6/intern");
        assertTrue("demo content is marked", overview.contains("<span class=\"demo-mark\">Demo</span>"));
        Matcher meeting = Pattern.compile("href=\"(/ringe/6/intern/treffen/[0-9]+)\"").matcher(overview);
        assertTrue("an upcoming demo meeting is linked", meeting.find());
        for (String path : List.of("/ringe/6/intern", "/ringe/6/intern/mitteilungen", "/ringe/6/intern/treffen",
                meeting.group(1), "/ringe/6/intern/kontakte")) {
            browserGet(path);
            check(path, httpGet(path));
        }
        // blanks pass the browser's "required" check; the server trims them and shows its error summary
        Map<String, String> blank = Map.of("titel", "   ", "text", "   ");
        browserGet("/ringe/6/intern/mitteilungen");
        WebElement form = browser.findElement(By.cssSelector("main form[method=post]"));
        blank.forEach((name, value) -> form.findElement(By.name(name)).sendKeys(value));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, BrowserSession.WAIT).withMessage("the error summary")
                .until(driver -> !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
        String withErrors = httpPost("/ringe/6/intern/mitteilungen", blank);
        assertTrue(withErrors.contains("Bitte geben Sie einen Titel an."));
        check("/ringe/6/intern/mitteilungen with errors", withErrors);
        SESSION.logOut();
    }

    /** The ring administration: list, edit form, membership page with an error, and the removal question. */
    @Test
    public void ring_administration_is_accessible_and_valid_html() throws Exception {
        logIn("admin", ADMIN_PASSWORD);
        for (String path : List.of("/admin/ringe", "/admin/ringe/4", "/admin/ringe/4/mitglieder?jahr=2011",
                "/admin/ringe/4/mitglieder/entfernen?ags=05558&jahr=2011", "/admin/ringe/4/loeschen")) {
            browserGet(path);
            check(path, httpGet(path));
        }
        String withErrors = httpPost("/admin/ringe/4/mitglieder", Map.of("ags", "<b>", "jahr", "1999"));
        assertTrue(withErrors.contains("aus fünf Ziffern"));
        check("/admin/ringe/4/mitglieder with errors", withErrors);
        SESSION.logOut();
    }

    private static String demoPassword() throws InterruptedException {
        PortalProcess portal = SESSION.portal();
        portal.await("the demo accounts are printed", PortalProcess.START_TIMEOUT,
                () -> DEMO_PASSWORD.matcher(portal.output()).find());
        Matcher printed = DEMO_PASSWORD.matcher(portal.output());
        assertTrue(printed.find());
        return printed.group(1);
    }

    /** A fresh login: the cookies of an earlier test's person are dropped first. */
    private static void logIn(String userName, String password) {
        SESSION.browser().manage().deleteAllCookies();
        SESSION.logIn(userName, password);
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

    /** Both checkers, and exactly one h1 on the page. */
    private void check(String what, String html) {
        SESSION.check(problems, what, html);
        problems.checkThat(what + ": one h1", html.split("<h1", -1).length - 1, is(1));
    }
}
