package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;

/**
 * Login and logout over real HTTP, as a browser does them: the session cookie, the header box, no account
 * enumeration, a new session id at every login, logout on the server, the CSRF check, no open redirect, and
 * hostile input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoginIT extends AuthTestSupport {

    private static final String FORM_EXPIRED = "<h1>Formular abgelaufen</h1>";
    private static final String SESSION_STORE = "de.ringportal.auth.internal.SessionStore";

    /** Success: 303 to the page asked for, an HttpOnly SameSite=Lax session cookie, the name and a logout button. */
    @Test
    public void login_redirects_to_target_and_header_shows_name_and_logout_button() {
        Visitor visitor = visitor();

        Page login = visitor.login(ADMIN, PASSWORD, "/impressum");

        assertEquals(303, login.status());
        assertEquals("/impressum", login.header("Location"));
        String cookie = login.setCookie(Visitor.SESSION);
        assertNotNull("a session cookie is set", cookie);
        assertThat(cookie, containsString("HttpOnly"));
        assertThat(cookie, containsString("SameSite=Lax"));
        assertThat(cookie, containsString("Path=/"));
        assertThat("a session cookie, gone with the browser", cookie.toLowerCase(), not(containsString("max-age")));

        Page impressum = visitor.get("/impressum");
        assertEquals(200, impressum.status());
        String box = section(impressum.body(), "<div class=\"login-box\"", "</div>");
        assertThat(box, containsString("Angemeldet: <strong>Administration</strong>"));
        assertThat(box, containsString("<form class=\"login-box__form\" method=\"post\" action=\"/abmelden\">"));
        assertThat(box, containsString("<button type=\"submit\">Abmelden</button>"));
        assertThat(box, not(containsString("name=\"passwort\"")));
        assertEquals("pages of a logged-in person stay out of caches", "no-store", impressum.header("Cache-Control"));
    }

    /**
     * Behind a proxy that ends TLS the portal sees plain HTTP: the administrator's Config Admin setting alwaysSecure
     * marks the session cookie Secure all the same (and only then).
     */
    @Test
    public void always_secure_setting_marks_the_session_cookie_secure() {
        assertThat(visitor().login(ADMIN, PASSWORD, "/").setCookie(Visitor.SESSION), not(containsString("Secure")));
        try {
            configure(SESSION_STORE, Map.of("alwaysSecure", true));

            assertThat(visitor().login(ADMIN, PASSWORD, "/").setCookie(Visitor.SESSION), containsString("Secure"));
        } finally {
            configure(SESSION_STORE, Map.of("alwaysSecure", false));
        }
    }

    /** Before login, the header box offers the login form, and no session cookie is set. */
    @Test
    public void anonymous_header_box_offers_the_login_form() {
        Page start = visitor().get("/");

        String box = section(start.body(), "<div class=\"login-box\"", "</div>");
        assertThat(box, containsString("action=\"/anmelden\""));
        assertThat(box, containsString("name=\"benutzer\""));
        assertThat(box, containsString("name=\"passwort\""));
        assertFalse(start.showsLoggedIn());
        assertNull(start.setCookie(Visitor.SESSION));
    }

    /** An unknown user name and a wrong password of a real account get the same status and the same page. */
    @Test
    public void unknown_user_and_wrong_password_get_the_same_answer() {
        createAccount("enum-bekannt", "Bekannt", "08426", Role.RINGMITGLIED);
        Visitor visitor = visitor();

        Page wrongPassword = visitor.login("enum-bekannt", "Falsches-Passwort-1", "/");
        Page unknownUser = visitor.login("enum-unbekannt", "Falsches-Passwort-1", "/");

        assertEquals(200, wrongPassword.status());
        assertEquals(200, unknownUser.status());
        assertThat(wrongPassword.body(), containsString(WRONG_CREDENTIALS));
        assertEquals("the pages differ only in the user name typed", comparable(wrongPassword, "enum-bekannt"),
                comparable(unknownUser, "enum-unbekannt"));
        assertNull(wrongPassword.setCookie(Visitor.SESSION));
        assertNull(unknownUser.setCookie(Visitor.SESSION));
    }

    /**
     * Both failures take about as long (one Argon2id check each): medians of five, within a factor of 3. Five real
     * accounts get one wrong password each, so no lockout interferes.
     */
    @Test
    public void unknown_user_and_wrong_password_take_similar_time() {
        Visitor visitor = visitor();
        visitor.login(ADMIN, PASSWORD, "/"); // warms up the login path (JIT, connections) before measuring
        visitor.logout();
        String token = visitor.get("/anmelden").csrfToken();
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            createAccount("zeit-" + i, "Zeit " + i, null, Role.RINGMITGLIED);
            known.add(timeFailedLogin(visitor, token, "zeit-" + i));
            unknown.add(timeFailedLogin(visitor, token, "zeit-unbekannt-" + i));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        System.out.printf("LoginIT: failed login, ms: wrong password %s (median %d), unknown user %s (median %d)%n",
                known, knownMedian, unknown, unknownMedian);

        assertTrue("wrong password " + knownMedian + " ms vs unknown user " + unknownMedian + " ms",
                Math.max(knownMedian, unknownMedian) <= 3 * Math.max(1, Math.min(knownMedian, unknownMedian)));
    }

    /** A session cookie the visitor already had (planted or from an earlier login) is never the one after login. */
    @Test
    public void login_issues_a_new_session_id_and_the_old_one_is_dead() {
        Visitor visitor = visitor();
        String planted = "P".repeat(43);
        visitor.setCookie(Visitor.SESSION, planted);

        assertEquals(303, visitor.login(ADMIN, PASSWORD, "/").status());
        String first = visitor.cookie(Visitor.SESSION);
        assertNotEquals(planted, first);
        assertTrue(visitor.get("/").showsLoggedIn());

        assertEquals(303, visitor.login(ADMIN, PASSWORD, "/").status());
        String second = visitor.cookie(Visitor.SESSION);
        assertNotEquals(first, second);
        assertTrue(visitor.get("/").showsLoggedIn());

        for (String old : List.of(planted, first)) {
            Visitor replay = visitor();
            replay.setCookie(Visitor.SESSION, old);
            assertFalse("the old id " + old + " is anonymous", replay.get("/").showsLoggedIn());
        }
    }

    /** Logout ends the session on the server: the cookie value replayed afterwards is anonymous. */
    @Test
    public void logout_ends_the_session_on_the_server() {
        Visitor visitor = visitor();
        visitor.login(ADMIN, PASSWORD, "/");
        String session = visitor.cookie(Visitor.SESSION);
        assertTrue(visitor.get("/").showsLoggedIn());

        Page logout = visitor.logout();

        assertEquals(303, logout.status());
        assertEquals("/", logout.header("Location"));
        assertThat("the cookie is cleared", logout.setCookie(Visitor.SESSION), containsString("Max-Age=0"));
        assertNull(visitor.cookie(Visitor.SESSION));
        assertFalse(visitor.get("/").showsLoggedIn());

        Visitor replay = visitor();
        replay.setCookie(Visitor.SESSION, session);
        assertFalse("the copied cookie is worthless", replay.get("/").showsLoggedIn());
    }

    /** Login without the token, with a wrong one, or with the token but without its cookie: 403, nobody logged in. */
    @Test
    public void login_without_valid_csrf_token_is_403_and_logs_nobody_in() {
        Visitor visitor = visitor();
        String token = visitor.get("/anmelden").csrfToken();

        Map<String, Page> refused = new LinkedHashMap<>();
        refused.put("no token", visitor.post("/anmelden", Map.of("benutzer", ADMIN, "passwort", PASSWORD)));
        refused.put("wrong token", visitor.post("/anmelden", Map.of("_csrf", "A".repeat(43), "benutzer", ADMIN,
                "passwort", PASSWORD)));
        Visitor withoutCookie = visitor();
        refused.put("no cookie", withoutCookie.post("/anmelden", Map.of("_csrf", token, "benutzer", ADMIN,
                "passwort", PASSWORD)));
        Visitor otherBrowser = visitor();
        otherBrowser.get("/anmelden");
        refused.put("token of another browser", otherBrowser.post("/anmelden", Map.of("_csrf", token,
                "benutzer", ADMIN, "passwort", PASSWORD)));

        refused.forEach((how, page) -> {
            assertEquals(how, 403, page.status());
            assertThat(how, page.body(), containsString(FORM_EXPIRED));
            assertNull(how, page.setCookie(Visitor.SESSION));
        });
        assertFalse(visitor.get("/").showsLoggedIn());
        assertFalse(withoutCookie.get("/").showsLoggedIn());
        assertFalse(otherBrowser.get("/").showsLoggedIn());
    }

    /** Logout without a valid token is refused and the person stays logged in. */
    @Test
    public void logout_without_valid_csrf_token_is_403_and_keeps_the_session() {
        Visitor visitor = visitor();
        visitor.login(ADMIN, PASSWORD, "/");
        String token = visitor.get("/").csrfToken();
        String csrfCookie = visitor.cookie(Visitor.CSRF);

        Map<String, Page> refused = new LinkedHashMap<>();
        refused.put("no token", visitor.post("/abmelden", Map.of()));
        refused.put("wrong token", visitor.post("/abmelden", Map.of("_csrf", "B".repeat(43))));
        visitor.dropCookie(Visitor.CSRF);
        refused.put("no cookie", visitor.post("/abmelden", Map.of("_csrf", token)));
        visitor.setCookie(Visitor.CSRF, csrfCookie);

        refused.forEach((how, page) -> {
            assertEquals(how, 403, page.status());
            assertThat(how, page.body(), containsString(FORM_EXPIRED));
            assertNull(how, page.setCookie(Visitor.SESSION));
        });
        assertTrue("still logged in", visitor.get("/").showsLoggedIn());
    }

    /** Another host, a script or a backslash trick as target: the login lands on "/" instead. */
    @Test
    public void login_never_redirects_off_the_site() {
        Visitor visitor = visitor();
        for (String target : List.of("//evil.example", "https://evil.example", "/\\evil.example",
                "javascript:alert(1)", "%2F%2Fevil.example", "\\\\evil.example", "//evil.example/%2F..")) {
            Page login = visitor.login(ADMIN, PASSWORD, target);
            assertEquals(target, 303, login.status());
            assertEquals(target, "/", login.header("Location"));
        }
        // the same with the percent-encoding left for the server to decode: ziel=%2F%2Fevil.example
        String token = visitor.get("/anmelden").csrfToken();
        Page raw = visitor.postRaw("/anmelden", "_csrf=" + token + "&benutzer=" + ADMIN + "&passwort="
                + PASSWORD.replace("!", "%21") + "&ziel=%2F%2Fevil.example");
        assertEquals(303, raw.status());
        assertEquals("/", raw.header("Location"));
        // and the login page does not carry a foreign target into its form
        assertThat(visitor().get("/anmelden?ziel=%2F%2Fevil.example").body(),
                containsString("<input type=\"hidden\" name=\"ziel\" value=\"/\">"));
    }

    /** A path of this site, with its query, is kept. */
    @Test
    public void login_keeps_a_local_target_with_query() {
        Page login = visitor().login(ADMIN, PASSWORD, "/impressum?x=1");

        assertEquals(303, login.status());
        assertEquals("/impressum?x=1", login.header("Location"));
    }

    /** A user name or password of 1 MB is refused as too large, without a server error or a session. */
    @Test
    public void megabyte_user_name_or_password_is_413() {
        String megabyte = "a".repeat(1024 * 1024);
        Visitor visitor = visitor();
        String token = visitor.get("/anmelden").csrfToken();

        for (Map<String, String> form : List.of(Map.of("_csrf", token, "benutzer", megabyte, "passwort", PASSWORD),
                Map.of("_csrf", token, "benutzer", ADMIN, "passwort", megabyte))) {
            Page page = visitor.post("/anmelden", form);
            assertEquals(413, page.status());
            assertThat(page.body(), containsString("<h1>Anfrage zu groß</h1>"));
            assertNull(page.setCookie(Visitor.SESSION));
        }
        assertEquals(200, visitor.get("/anmelden").status());
    }

    /** Over-long fields (below the body limit) and control characters get a clear 400 on the login page. */
    @Test
    public void overlong_fields_and_control_characters_are_400_with_a_german_reason() {
        Visitor visitor = visitor();
        String token = visitor.get("/anmelden").csrfToken();
        int accounts = count("SELECT COUNT(*) FROM auth_account");

        String tooLong = "Benutzername oder Passwort ist zu lang.";
        String control = "Benutzername und Passwort dürfen keine Steuerzeichen enthalten.";
        List<String[]> cases = List.of(
                new String[] {tooLong, "a".repeat(65), PASSWORD},
                new String[] {tooLong, ADMIN, "a".repeat(257)},
                new String[] {control, "ad\u0000min", PASSWORD},
                new String[] {control, "admin\u001b[31m", PASSWORD},
                new String[] {control, ADMIN, "Testlauf\r\nKennwort-2026!"},
                new String[] {"Bitte geben Sie Benutzername und Passwort ein.", "   ", PASSWORD});
        for (String[] refused : cases) {
            assertRefused(visitor, token, refused[0], refused[1], refused[2]);
        }

        assertEquals("nothing stored", accounts, count("SELECT COUNT(*) FROM auth_account"));
    }

    /** SQL and markup in the user name are just a wrong user name: the normal message, the input shown escaped. */
    @Test
    public void sql_and_script_in_the_user_name_are_a_normal_failure_shown_escaped() {
        Visitor visitor = visitor();
        int accounts = count("SELECT COUNT(*) FROM auth_account");

        Page sql = visitor.login("' OR '1'='1", "' OR '1'='1", "/");
        Page script = visitor.login("<script>alert(1)</script>", PASSWORD, "/");

        assertEquals(200, sql.status());
        assertThat(sql.body(), containsString(WRONG_CREDENTIALS));
        assertThat(sql.body(), containsString("value=\"&#39; OR &#39;1&#39;&#61;&#39;1\""));
        assertNull(sql.setCookie(Visitor.SESSION));
        assertEquals(200, script.status());
        assertThat(script.body(), containsString(WRONG_CREDENTIALS));
        assertThat(script.body(), containsString("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertThat(script.body(), not(containsString("<script>alert(1)")));
        assertEquals("nothing stored", accounts, count("SELECT COUNT(*) FROM auth_account"));
        assertEquals(1, count("SELECT COUNT(*) FROM auth_account WHERE user_name = ?", ADMIN));
    }

    private static void assertRefused(Visitor visitor, String token, String message, String userName,
            String password) {
        Page page = visitor.post("/anmelden", Map.of("_csrf", token, "benutzer", userName, "passwort", password));
        String what = "user name " + userName.length() + ", password " + password.length() + " characters: " + message;
        assertEquals(what, 400, page.status());
        assertThat(what, page.body(), containsString("role=\"alert\">" + message + "</p>"));
        assertThat(what, page.body(), not(containsString("\u0000")));
        assertNull(what, page.setCookie(Visitor.SESSION));
    }

    /** Milliseconds of one failed login with a wrong password. */
    private static long timeFailedLogin(Visitor visitor, String token, String userName) {
        long start = System.nanoTime();
        Page page = visitor.post("/anmelden", Map.of("_csrf", token, "benutzer", userName,
                "passwort", "Falsches-Passwort-1", "ziel", "/"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, page.status());
        assertThat(page.body(), containsString(WRONG_CREDENTIALS));
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The page with the typed user name taken out (it is echoed into the form, HTML-escaped). */
    private static String comparable(Page page, String userName) {
        return page.body().replace("value=\"" + userName + "\"", "value=\"…\"");
    }
}
