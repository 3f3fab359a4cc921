package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Test;

import de.ringportal.it.Visitor;
import de.ringportal.it.Visitor.Page;

/**
 * Sessions and locks are in the database: after a restart of the packaged portal on the same data directory, a
 * logged-in member is still logged in (and can use a form once a page is loaded again), and a locked account and a
 * locked made-up user name are still locked, against the right password too.
 */
public class SessionRestartIT {

    private static final String ADMIN_PASSWORD = "Neustart-Kennwort-2026!";
    private static final Map<String, String> ENVIRONMENT = Map.of("RINGPORTAL_DEMO", "true",
            "RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD);
    private static final Pattern DEMO_MEMBER = Pattern.compile("demo-mitglied\\s+(\\S+)\\s+Demo Ringmitglied");
    private static final Pattern SESSION_COOKIE = Pattern.compile("^rp_session=([A-Za-z0-9_-]{43});");
    private static final Pattern CSRF_COOKIE = Pattern.compile("^(rp_csrf=[A-Za-z0-9_-]{43});");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]{43})\"");
    private static final String LOGGED_IN_MEMBER = "Angemeldet: <strong>Demo Ringmitglied</strong>";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private PortalProcess portal;

    @After
    public void stop() throws InterruptedException {
        if (portal != null) {
            portal.close();
        }
    }

    /** Logged in, locked, restarted: still logged in, still locked. */
    @Test
    public void member_stays_logged_in_and_locked_account_stays_locked_across_a_restart() throws Exception {
        Path home = PortalProcess.newHome("SessionRestartIT");
        portal = PortalProcess.start(home, ENVIRONMENT);
        String session = loggedInMember();
        HttpResponse<String> before = page("/", "rp_session=" + session);
        assertThat(before.body(), containsString(LOGGED_IN_MEMBER));
        Visitor attacker = new Visitor(portal.port());
        for (int attempt = 1; attempt <= 5; attempt++) {
            attacker.login("admin", "Falsches-Kennwort-" + attempt, "/");
            attacker.login("niemand-neustart", "Falsches-Kennwort-" + attempt, "/");
        }
        assertEquals("locked before the restart", 429, attacker.login("admin", ADMIN_PASSWORD, "/").status());

        int exitCode = portal.stop();
        assertTrue("a clean stop, exit code " + exitCode, exitCode == 143 || exitCode == 0);
        portal = PortalProcess.start(home, ENVIRONMENT);

        HttpResponse<String> start = page("/", "rp_session=" + session);
        assertThat("logged in after the restart", start.body(), containsString(LOGGED_IN_MEMBER));
        HttpResponse<String> membersOnly = page("/konto/passwort", "rp_session=" + session);
        assertEquals("a page for logged-in people only", 200, membersOnly.statusCode());
        assertThat(membersOnly.body(), containsString("action=\"/konto/passwort\""));
        Visitor afterRestart = new Visitor(portal.port());
        Page locked = afterRestart.login("admin", ADMIN_PASSWORD, "/");
        assertEquals("the account is still locked, against the right password", 429, locked.status());
        assertEquals("the made-up name too", 429, afterRestart.login("niemand-neustart", "Irgendwas-2026", "/")
                .status());
        assertLogoutWorksWithThePageLoadedBeforeTheRestart(session, before);
    }

    /** The demo member, logged in with the password this start printed; answers the session id. */
    private String loggedInMember() throws InterruptedException {
        portal.await("the demo accounts are printed", Duration.ofSeconds(30),
                () -> DEMO_MEMBER.matcher(portal.output()).find());
        Matcher password = DEMO_MEMBER.matcher(portal.output());
        assertTrue(password.find());
        Page login = new Visitor(portal.port()).login("demo-mitglied", password.group(1), "/");
        assertEquals(login.body(), 303, login.status());
        String session = login.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(cookie -> cookie.group(1)).reduce((first, second) -> second).orElse(null);
        assertNotNull("the login set a session cookie", session);
        return session;
    }

    /**
     * The logout button of a page loaded before the restart still works after it: the form token is signed with the
     * key kept in the data directory, for the session that lives on in the database.
     */
    private void assertLogoutWorksWithThePageLoadedBeforeTheRestart(String session, HttpResponse<String> before)
            throws IOException, InterruptedException {
        String csrfCookie = before.headers().allValues("Set-Cookie").stream().map(CSRF_COOKIE::matcher)
                .filter(Matcher::find).map(cookie -> cookie.group(1)).findFirst().orElseThrow();
        Matcher field = CSRF_FIELD.matcher(before.body());
        assertTrue("the start page has the logout form", field.find());
        HttpResponse<String> logout = HTTP.send(HttpRequest.newBuilder(portal.uri("/abmelden"))
                .header("Cookie", "rp_session=" + session + "; " + csrfCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + field.group(1))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(303, logout.statusCode());
        assertThat("logged out", page("/", "rp_session=" + session).body(), not(containsString("Angemeldet:")));
    }

    private HttpResponse<String> page(String path, String cookies) throws IOException, InterruptedException {
        URI uri = portal.uri(path);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Cookie", cookies).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
