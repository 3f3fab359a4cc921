package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Every page a visitor reaches through the menus, in a real browser: no serious or critical accessibility violation
 * (axe-core, WCAG 2.1 A and AA) and valid HTML (Nu HTML Checker). The pages are found by following the links of the
 * main menu and the footer menu from the start page, so a new page is checked as soon as it has a menu entry.
 */
public class BrowserIT {

    /** Debian's packages; override with -Dchromium.binary / -Dchromedriver.binary. */
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    static final String MENU_LINKS = "nav[aria-label='Hauptmenü'] a, footer nav a";
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    /** Pages no menu links to that visitors still see, with the status they answer. */
    static final Map<String, Integer> PAGES_OUTSIDE_THE_MENUS = Map.of("/gibt-es-nicht", 404);

    private static PortalProcess portal;
    private static ChromeDriver browser;
    private static HtmlChecker htmlChecker;

    @org.junit.Rule
    public final ErrorCollector problems = new ErrorCollector();

    @BeforeClass
    public static void start() throws Exception {
        Path home = PortalProcess.newHome("BrowserIT");
        portal = PortalProcess.start(home);
        browser = startBrowser(home);
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

    /** Each page reachable through the main and footer menus, and the error page, passes axe and the HTML checker. */
    @Test
    public void every_page_in_the_menus_is_accessible_and_valid_html() throws Exception {
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of("/"));
        while (!toVisit.isEmpty()) {
            String path = toVisit.poll();
            if (visited.add(path)) {
                check(path, 200);
                toVisit.addAll(menuLinks());
            }
        }
        PAGES_OUTSIDE_THE_MENUS.forEach((path, status) -> check(path, status));

        System.out.println("BrowserIT: pages reached through the menus: " + visited);
        assertTrue("the menus were not found: " + visited, visited.size() > 1);
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
        new WebDriverWait(browser, Duration.ofSeconds(5)).withMessage("focus on <main id=inhalt>")
                .until(driver -> "inhalt".equals(driver.switchTo().activeElement().getDomAttribute("id")));
        assertEquals("main", browser.switchTo().activeElement().getTagName());
    }

    /** Runs both checkers on one page; records problems and goes on, so one run lists every page's problems. */
    private void check(String path, int expectedStatus) {
        try {
            HttpResponse<String> response = portal.get(path);
            if (response.statusCode() != expectedStatus) {
                problems.addError(new AssertionError(path + " answered " + response.statusCode() + ", expected "
                        + expectedStatus));
            }
            checkHtml(path, response.body());
            browser.get(portal.uri(path).toString());
            checkAccessibility(path);
        } catch (Exception e) {
            problems.addError(new AssertionError("checking " + path + " failed: " + e, e));
        }
    }

    /** Validates what the server sent (the browser's page source would be its re-serialized DOM). */
    private void checkHtml(String path, String html) throws Exception {
        List<HtmlChecker.Message> messages = htmlChecker.check(html);
        messages.forEach(message -> System.out.println("BrowserIT: HTML " + path + ": " + message));
        List<HtmlChecker.Message> errors = messages.stream().filter(HtmlChecker.Message::error).toList();
        System.out.printf("BrowserIT: %s: HTML checker: %d errors, %d warnings%n", path, errors.size(),
                messages.size() - errors.size());
        if (!errors.isEmpty()) {
            problems.addError(new AssertionError(path + " is not valid HTML:\n" + errors.stream()
                    .map(Object::toString).collect(Collectors.joining("\n"))));
        }
    }

    private void checkAccessibility(String path) {
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(browser);
        if (results.isErrored()) {
            problems.addError(new AssertionError("axe failed on " + path + ": " + results.getErrorMessage()));
            return;
        }
        List<String> blocking = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            String description = describe(violation);
            System.out.println("BrowserIT: axe " + path + ": " + description);
            if (BLOCKING_IMPACTS.contains(violation.getImpact())) {
                blocking.add(description);
            }
        }
        System.out.printf("BrowserIT: %s: axe: %d violations, %d serious or critical%n", path,
                results.getViolations().size(), blocking.size());
        if (!blocking.isEmpty()) {
            problems.addError(new AssertionError(path + " has serious accessibility violations:\n"
                    + String.join("\n", blocking)));
        }
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

    /** Headless Chromium from fixed paths: Selenium Manager finds nothing to download or look up. */
    static ChromeDriver startBrowser(Path home) throws Exception {
        assertTrue(CHROMIUM + " is missing: run ./test.sh, which installs chromium", Files.isExecutable(Path.of(CHROMIUM)));
        assertTrue(CHROMEDRIVER + " is missing: run ./test.sh, which installs chromium-driver",
                Files.isExecutable(Path.of(CHROMEDRIVER)));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createDirectory(home.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(home.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        assertFalse(driver.getCapabilities().getBrowserVersion().isEmpty());
        return driver;
    }
}
