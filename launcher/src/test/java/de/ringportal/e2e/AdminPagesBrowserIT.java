package de.ringportal.e2e;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The pages behind the login that the menu crawl of {@link BrowserIT} cannot reach: account administration, audit
 * log, own password change and the one-time password page, in their empty, filled and error states. Each passes axe
 * (no serious or critical violation) in the browser and the Nu HTML Checker on the HTML the server sent.
 */
public class AdminPagesBrowserIT {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("Passwort: (\\S+)");
    private static final Pattern LINK = Pattern.compile("(/passwort-setzen\\?token(?:=|&#61;)[A-Za-z0-9_-]{43})");

    private static final long STARTED = System.nanoTime();

    private static PortalProcess portal;
    private static ChromeDriver browser;
    private static HtmlChecker htmlChecker;

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    @BeforeClass
    public static void start() throws Exception {
        Path home = PortalProcess.newHome("AdminPagesBrowserIT");
        portal = PortalProcess.start(home);
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

    /** Every administration page and state is accessible and valid HTML. */
    @Test
    public void admin_pages_are_accessible_and_valid_html() throws Exception {
        logIn("admin", adminPassword());

        // one state per template: the error states show everything the empty forms do, and more
        for (String path : List.of("/admin/konten", "/admin/konten/1", "/admin/konten/1/deaktivieren",
                "/admin/protokoll?ereignis=LOGIN&person=admin&von=31.02.2026&bis=2020-01-01")) {
            browserGet(path);
            check(path, httpGet(path));
        }
        Map<String, String> wrong = Map.of("benutzername", "A b", "name", "<b>Name</b>", "email", "x@",
                "ags", "12");
        browserSubmit("/admin/konten/neu", wrong);
        check("/admin/konten/neu with errors", httpPost("/admin/konten/neu", wrong));
        Map<String, String> wrongPasswords = Map.of("aktuell", "falsch", "passwort", "kurz", "wiederholung", "x");
        browserSubmit("/konto/passwort", wrongPasswords);
        check("/konto/passwort with errors", httpPost("/konto/passwort", wrongPasswords));

        // state-changing steps happen twice, on two accounts: once in the browser, once over HTTP
        browserSubmit("/admin/konten/neu", person("axe.pruefung"));
        String created = httpPost("/admin/konten/neu", person("nu.pruefung"));
        check("the new account's password link", created);
        String browserLink = link(browser.getPageSource());
        String httpLink = link(created);

        Map<String, String> mismatch = Map.of("passwort", "kurz", "wiederholung", "anders");
        browserSubmit(browserLink, mismatch);
        check("/passwort-setzen with errors", httpPost("/passwort-setzen", withToken(httpLink, mismatch)));
        Map<String, String> good = Map.of("passwort", "Barrierefrei-im-Portal-2026",
                "wiederholung", "Barrierefrei-im-Portal-2026");
        browserSubmit(browserLink, good);
        assertTrue("the browser shows the result", browser.getPageSource().contains("ist gesetzt"));
        check("/passwort-setzen done", httpPost("/passwort-setzen", withToken(httpLink, good)));
        browserGet(browserLink);
        check("/passwort-setzen with a used link", httpGet(httpLink));
    }

    private static Map<String, String> person(String userName) {
        return Map.of("benutzername", userName, "name", "Prüfung " + userName, "email", userName + "@example.org",
                "ags", "08426", "rolle", "ringmitglied");
    }

    private static Map<String, String> withToken(String link, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("token", link.substring(link.length() - 43));
        return all;
    }

    private static String link(String html) {
        Matcher link = LINK.matcher(html);
        assertTrue("no password link on the page", link.find());
        return link.group(1).replace("&#61;", "=");
    }

    /** The administrator's password: printed once at the first start, or the operator's from the environment. */
    private static String adminPassword() throws InterruptedException {
        String given = System.getenv("RINGPORTAL_ADMIN_PASSWORD");
        if (given != null) {
            return given;
        }
        portal.await("the first administrator's password is printed", Duration.ofSeconds(60),
                () -> PRINTED_PASSWORD.matcher(portal.output()).find());
        Matcher printed = PRINTED_PASSWORD.matcher(portal.output());
        assertTrue(printed.find());
        return printed.group(1);
    }

    private static void logIn(String userName, String password) {
        browserGet("/anmelden");
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.findElement(By.name("benutzer")).sendKeys(userName);
        form.findElement(By.name("passwort")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("logged in, with a logout button")
                .until(driver -> !driver.findElements(By.cssSelector("form[action='/abmelden']")).isEmpty());
    }

    private static void browserGet(String path) {
        browser.get(portal.uri(path).toString());
    }

    /** Opens the page in the browser, types into its main form (checking checkboxes by value) and sends it. */
    private static void browserSubmit(String path, Map<String, String> fields) {
        browserGet(path);
        WebElement form = browser.findElement(By.cssSelector("main form[method=post]"));
        fields.forEach((name, value) -> {
            WebElement input = form.findElement(By.cssSelector("[name='" + name + "']"
                    + (name.equals("rolle") ? "[value='" + value + "']" : "")));
            if ("checkbox".equals(input.getDomAttribute("type"))) {
                input.click();
            } else {
                input.clear();
                input.sendKeys(value);
            }
        });
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // click() may return before the answer arrives (hashing a password takes a moment): wait for the new page
        BrowserIT.awaitReplaced(browser, form);
    }

    private static String httpGet(String path) throws IOException, InterruptedException {
        return BrowserSupport.httpGet(browser, portal.uri(path));
    }

    private static String httpPost(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return BrowserSupport.httpPost(browser, portal.uri(path), fields);
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
            System.out.printf("AdminPagesBrowserIT: %s: %d HTML errors, %d axe violations (%d serious or critical)"
                    + " [%d ms since start]%n", what, errors.size(), results.getViolations().size(), blocking.size(),
                    (System.nanoTime() - STARTED) / 1_000_000);
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
