package de.ringportal.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator creates a backup at /admin/sicherung in a real browser: the page, its confirmation step and the
 * finished state pass axe (no serious or critical violation) and the Nu HTML Checker, and the page, which reloads
 * itself while the backup runs, ends with the download link.
 */
public class BackupBrowserIT {

    private static final String ADMIN_PASSWORD = "Sicherung-im-Browser-2026";

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("BackupBrowserIT",
            Map.of("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD), "/anmelden");

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Page, confirmation, running and finished states: accessible, valid, and the download is the file. */
    @Test
    public void administrator_creates_a_backup_and_gets_the_download_link() throws Exception {
        ChromeDriver browser = SESSION.browser();
        SESSION.logIn("admin", ADMIN_PASSWORD);
        SESSION.open("/admin/sicherung");
        check("/admin/sicherung", httpGet("/admin/sicherung"));
        assertTrue("the page offers a backup", !browser.findElements(
                By.cssSelector("main a[href='/admin/sicherung/erstellen']")).isEmpty());
        SESSION.open("/admin/sicherung/erstellen");
        check("the confirmation step", httpGet("/admin/sicherung/erstellen"));

        WebElement form = browser.findElement(By.cssSelector("main form[action='/admin/sicherung/erstellen']"));
        form.findElement(By.cssSelector("button[name=bestaetigt]")).click();
        WebElement link = new WebDriverWait(browser, java.time.Duration.ofSeconds(120)).until(driver -> driver
                .findElements(By.cssSelector("main a[href='/admin/sicherung/datei']")).stream().findFirst()
                .orElse(null));
        assertTrue(link.getText(), link.getText().contains("herunterladen"));
        check("/admin/sicherung with a finished backup", httpGet("/admin/sicherung"));

        HttpResponse<String> download = SESSION.httpGetResponse("/admin/sicherung/datei");
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
    }

    private static String httpGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = SESSION.httpGetResponse(path);
        assertEquals(path, 200, response.statusCode());
        return response.body();
    }

    private void check(String what, String html) {
        SESSION.check(problems, what, html);
    }
}
