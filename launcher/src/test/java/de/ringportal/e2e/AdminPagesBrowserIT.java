package de.ringportal.e2e;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;

/**
 * The pages behind the login that the menu crawl of {@link BrowserIT} cannot reach: account administration, audit
 * log, own password change and the one-time password page, in their empty, filled and error states. Each passes axe
 * (no serious or critical violation) in the browser and the Nu HTML Checker on the HTML the server sent.
 */
public class AdminPagesBrowserIT {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("Passwort: (\\S+)");
    private static final Pattern LINK = Pattern.compile("(/passwort-setzen\\?token(?:=|&#61;)[A-Za-z0-9_-]{43})");

    @ClassRule
    public static final BrowserSession SESSION = new BrowserSession("AdminPagesBrowserIT", Map.of());

    @Rule
    public final ErrorCollector problems = new ErrorCollector();

    /** Every administration page and state is accessible and valid HTML. */
    @Test
    public void admin_pages_are_accessible_and_valid_html() throws Exception {
        SESSION.logIn("admin", adminPassword());

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
        String browserLink = link(SESSION.browser().getPageSource());
        String httpLink = link(created);

        Map<String, String> mismatch = Map.of("passwort", "kurz", "wiederholung", "anders");
        browserSubmit(browserLink, mismatch);
        check("/passwort-setzen with errors", httpPost("/passwort-setzen", withToken(httpLink, mismatch)));
        Map<String, String> good = Map.of("passwort", "Barrierefrei-im-Portal-2026",
                "wiederholung", "Barrierefrei-im-Portal-2026");
        browserSubmit(browserLink, good);
        assertTrue("the browser shows the result", SESSION.browser().getPageSource().contains("ist gesetzt"));
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
        PortalProcess portal = SESSION.portal();
        portal.await("the first administrator's password is printed", Duration.ofSeconds(60),
                () -> PRINTED_PASSWORD.matcher(portal.output()).find());
        Matcher printed = PRINTED_PASSWORD.matcher(portal.output());
        assertTrue(printed.find());
        return printed.group(1);
    }

    private static void browserGet(String path) {
        SESSION.open(path);
    }

    private static void browserSubmit(String path, Map<String, String> fields) {
        SESSION.submit(path, fields, null);
    }

    private static String httpGet(String path) throws IOException, InterruptedException {
        return SESSION.httpGet(path);
    }

    private static String httpPost(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return SESSION.httpPost(path, fields);
    }

    private void check(String what, String html) {
        SESSION.check(problems, what, html);
    }
}
