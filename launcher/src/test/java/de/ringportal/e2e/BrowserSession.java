package de.ringportal.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.rules.ErrorCollector;
import org.junit.rules.ExternalResource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One portal process and one headless Chromium for a browser test class, as a {@code @ClassRule}: started before the
 * first test, stopped after the last. Offers what every browser test does with them: open a page, log in and out,
 * fill and send a form, fetch the HTML the server sends with the browser's cookies, and run both checkers.
 */
final class BrowserSession extends ExternalResource {

    /** How long to wait for a page change in the browser, on a loaded 2-core machine. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Work to do in the portal's home folder before it starts, e.g. putting a bundle into its deploy folder. */
    @FunctionalInterface
    interface Preparation {
        void prepare(Path home) throws Exception;
    }

    private final String test;
    private final Map<String, String> environment;
    private final List<String> readyPaths;
    private Preparation preparation = home -> { };

    private Path home;
    private PortalProcess portal;
    private ChromeDriver browser;
    private HtmlChecker htmlChecker;

    /**
     * @param test        the test class's name: the home folder's and the log lines' prefix
     * @param environment variables for the portal process (RINGPORTAL_ADMIN_PASSWORD, RINGPORTAL_DEMO)
     * @param readyPaths  pages that must answer 200 before the tests start (modules register after /health answers)
     */
    BrowserSession(String test, Map<String, String> environment, String... readyPaths) {
        this.test = test;
        this.environment = Map.copyOf(environment);
        this.readyPaths = List.of(readyPaths);
    }

    /** Runs this in the home folder before the portal's first start. */
    BrowserSession preparing(Preparation work) {
        this.preparation = work;
        return this;
    }

    @Override
    protected void before() throws Throwable {
        home = PortalProcess.newHome(test);
        preparation.prepare(home);
        startPortal();
        browser = BrowserSupport.startChrome(home);
        htmlChecker = new HtmlChecker();
    }

    @Override
    protected void after() {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            try {
                portal.close();
            } catch (Exception e) {
                throw new IllegalStateException("the portal of " + test + " did not stop", e);
            }
        }
    }

    private void startPortal() throws IOException, InterruptedException {
        portal = PortalProcess.start(home, environment);
        for (String path : readyPaths) {
            portal.await(path + " answers 200", PortalProcess.START_TIMEOUT,
                    () -> portal.get(path).statusCode() == 200);
        }
    }

    /** Stops the portal (SIGTERM) and starts it again on the same data; returns the exit code of the stop. */
    int restartPortal() throws IOException, InterruptedException {
        int exitCode = portal.stop();
        startPortal();
        return exitCode;
    }

    PortalProcess portal() {
        return portal;
    }

    ChromeDriver browser() {
        return browser;
    }

    Path home() {
        return home;
    }

    /** Opens the page in the browser. */
    void open(String path) {
        browser.get(portal.uri(path).toString());
    }

    /** Logs in through the login page's form and waits for the header's logout button. */
    void logIn(String userName, String password) {
        open("/anmelden");
        WebElement form = browser.findElement(By.cssSelector("main form"));
        form.findElement(By.name("benutzer")).sendKeys(userName);
        form.findElement(By.name("passwort")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, WAIT).withMessage("logged in, with a logout button")
                .until(driver -> !driver.findElements(By.cssSelector("form[action='/abmelden']")).isEmpty());
    }

    /** Logs out through the header's button and waits for the header's login box. */
    void logOut() {
        open("/");
        browser.findElement(By.cssSelector(".login-box form[action='/abmelden'] button[type='submit']")).click();
        new WebDriverWait(browser, WAIT).withMessage("logged out")
                .until(driver -> !driver.findElements(By.id("kopf-benutzer")).isEmpty());
    }

    /**
     * Opens the page, fills its main POST form (text replaced; checkboxes and radio buttons chosen by value) and
     * presses the button with this value (null: the submit button), then waits for the answer to replace the page.
     */
    void submit(String path, Map<String, String> fields, String button) {
        open(path);
        WebElement form = browser.findElement(By.cssSelector("main form[method=post]"));
        fields.forEach((name, value) -> {
            WebElement input = form.findElement(By.name(name));
            String type = input.getDomAttribute("type");
            if ("checkbox".equals(type) || "radio".equals(type)) {
                form.findElement(By.cssSelector("[name='" + name + "'][value='" + value + "']")).click();
            } else {
                input.clear();
                input.sendKeys(value);
            }
        });
        form.findElement(By.cssSelector(button == null ? "button[type=submit]" : "button[value=" + button + "]"))
                .click();
        BrowserIT.awaitReplaced(browser, form);
    }

    /** The HTML the server sends for the page, with the browser's cookies; fails on a 5xx. */
    String httpGet(String path) throws IOException, InterruptedException {
        return BrowserSupport.httpGet(browser, portal.uri(path));
    }

    /** As {@link #httpGet}, with the whole answer, whatever its status. */
    HttpResponse<String> httpGetResponse(String path) throws IOException, InterruptedException {
        return BrowserSupport.response(browser, HttpRequest.newBuilder(portal.uri(path)).GET());
    }

    /** Sends a form over HTTP with the browser's cookies and CSRF token; fails on a 5xx, returns the body. */
    String httpPost(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return BrowserSupport.httpPost(browser, portal.uri(path), fields);
    }

    /** As {@link #httpPost}, with the whole answer, whatever its status. */
    HttpResponse<String> httpPostResponse(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return BrowserSupport.postResponse(browser, portal.uri(path), fields);
    }

    /**
     * Sends a multipart form over HTTP, with the browser's cookies and its CSRF token: the fields, then one file.
     * Fails on a 5xx, returns the body.
     */
    String httpUpload(String path, Map<String, String> fields, String fileField, String fileName, String contentType,
            byte[] content) throws IOException, InterruptedException {
        String boundary = "----ringportal" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", browser.manage().getCookieNamed("rp_csrf").getValue());
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return BrowserSupport.send(browser, HttpRequest.newBuilder(portal.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The Nu HTML Checker on the HTML the server sent and axe-core on the page the browser shows. */
    void check(ErrorCollector problems, String what, String html) {
        BrowserSupport.check(problems, browser, htmlChecker, test, what, html);
    }

    /** Only the Nu HTML Checker, for HTML the browser does not show. */
    void checkHtml(ErrorCollector problems, String what, String html) {
        BrowserSupport.checkHtml(problems, htmlChecker, test, what, html);
    }

    /** Only axe-core, on the page the browser shows. */
    void checkAccessibility(ErrorCollector problems, String what) {
        BrowserSupport.checkAccessibility(problems, browser, test, what);
    }
}
