package de.ringportal.e2e;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.rules.ErrorCollector;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** What the browser tests share: the headless Chromium, HTTP with the browser's cookies, and both checkers. */
final class BrowserSupport {

    /** Debian's packages; override with -Dchromium.binary / -Dchromedriver.binary. */
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private BrowserSupport() {
    }

    /** Headless Chromium from fixed paths: Selenium Manager finds nothing to download or look up. */
    static ChromeDriver startChrome(Path home) throws Exception {
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

    /** The HTML the server sends for the page, with the browser's cookies: what the HTML checker must see. */
    static String httpGet(WebDriver browser, URI uri) throws IOException, InterruptedException {
        return send(browser, HttpRequest.newBuilder(uri).GET());
    }

    /** Sends a form over HTTP with the browser's cookies and its CSRF token (double submit of the cookie). */
    static String httpPost(WebDriver browser, URI uri, Map<String, String> fields)
            throws IOException, InterruptedException {
        return bodyUnlessServerError(postResponse(browser, uri, fields));
    }

    /** As {@link #httpPost}, with the whole answer, whatever its status. */
    static HttpResponse<String> postResponse(WebDriver browser, URI uri, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", browser.manage().getCookieNamed("rp_csrf").getValue());
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return response(browser, HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends the request with the browser's cookies; fails on a server error (5xx), returns the body otherwise. */
    static String send(WebDriver browser, HttpRequest.Builder request) throws IOException, InterruptedException {
        return bodyUnlessServerError(response(browser, request));
    }

    /** Sends the request with the browser's cookies and returns the whole answer. */
    static HttpResponse<String> response(WebDriver browser, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HTTP.send(request.timeout(HTTP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String bodyUnlessServerError(HttpResponse<String> response) {
        assertTrue(response.uri() + " answered " + response.statusCode(), response.statusCode() < 500);
        return response.body();
    }

    /**
     * Runs the Nu HTML Checker on the HTML the server sent and axe-core on the page the browser shows; records the
     * findings in problems and goes on. The log lines start with the test's name.
     */
    static void check(ErrorCollector problems, WebDriver browser, HtmlChecker htmlChecker, String test, String what,
            String html) {
        checkHtml(problems, htmlChecker, test, what, html);
        checkAccessibility(problems, browser, test, what);
    }

    /** The Nu HTML Checker on the HTML the server sent (the browser's page source would be its re-serialized DOM). */
    static void checkHtml(ErrorCollector problems, HtmlChecker htmlChecker, String test, String what, String html) {
        try {
            List<HtmlChecker.Message> messages = htmlChecker.check(html);
            messages.forEach(message -> System.out.println(test + ": HTML " + what + ": " + message));
            List<HtmlChecker.Message> errors = messages.stream().filter(HtmlChecker.Message::error).toList();
            System.out.printf("%s: %s: HTML checker: %d errors, %d warnings%n", test, what, errors.size(),
                    messages.size() - errors.size());
            if (!errors.isEmpty()) {
                problems.addError(new AssertionError(what + " is not valid HTML:\n"
                        + errors.stream().map(Object::toString).collect(Collectors.joining("\n"))));
            }
        } catch (Exception e) {
            problems.addError(new AssertionError("checking the HTML of " + what + " failed: " + e, e));
        }
    }

    /** axe-core (WCAG 2.1 A and AA) on the page the browser shows: a serious or critical violation is a problem. */
    static void checkAccessibility(ErrorCollector problems, WebDriver browser, String test, String what) {
        try {
            Results results = new AxeBuilder().withTags(BrowserIT.AXE_TAGS).analyze(browser);
            if (results.isErrored()) {
                problems.addError(new AssertionError("axe failed on " + what + ": " + results.getErrorMessage()));
                return;
            }
            List<String> blocking = new ArrayList<>();
            for (Rule violation : results.getViolations()) {
                String description = BrowserIT.describe(violation);
                System.out.println(test + ": axe " + what + ": " + description);
                if (BrowserIT.BLOCKING_IMPACTS.contains(violation.getImpact())) {
                    blocking.add(description);
                }
            }
            System.out.printf("%s: %s: axe: %d violations, %d serious or critical%n", test, what,
                    results.getViolations().size(), blocking.size());
            if (!blocking.isEmpty()) {
                problems.addError(new AssertionError(what + " has serious accessibility violations:\n"
                        + String.join("\n", blocking)));
            }
        } catch (RuntimeException e) {
            problems.addError(new AssertionError("checking the accessibility of " + what + " failed: " + e, e));
        }
    }
}
