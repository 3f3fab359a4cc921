package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.core.api.ModuleSchema;

/**
 * Account administration as administrators, other logged-in people and anonymous visitors meet it over HTTP: who
 * may see and do what, the audit trail of every change, one-time password links, and hostile input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccountAdministrationIT extends PortalTestSupport {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Verwaltung-im-Landkreis-2026";
    private static final String MEMBER_PASSWORD = "Sonnenblume-am-Deich-7";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("(/passwort-setzen\\?token(?:=|&#61;)[A-Za-z0-9_-]{43})");
    private static final Pattern ACCOUNT = Pattern.compile("href=\"/admin/konten/([0-9]+)\"");
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    /** The first administrator's password, as an operator would set it with RINGPORTAL_ADMIN_PASSWORD. */
    @Override
    protected Option[] additionalOptions(Path work) {
        return new Option[] { frameworkProperty("ringportal.admin.password").value(ADMIN_PASSWORD) };
    }

    @Before
    public void awaitAccounts() {
        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=auth)");
        waitFor("the administrator can log in", () -> new Browser().login(ADMIN, ADMIN_PASSWORD).status() == 303);
    }

    /** The administrator reaches every administration page, sees the menu entry and the sub-navigation. */
    @Test
    public void administrator_gets_every_admin_page() {
        Browser admin = loggedInAdmin();

        for (String path : List.of("/admin/konten", "/admin/konten/neu", "/admin/protokoll",
                "/admin/konten?suche=adm&seite=1", "/admin/protokoll?ereignis=LOGIN&person=admin&von=2020-01-01")) {
            Page page = admin.get(path);
            assertEquals(path, 200, page.status());
            assertThat(path, page.body(), containsString("<nav class=\"sub-nav\" aria-label=\"Administration\">"));
            assertThat(path, section(page.body(), "<nav class=\"main-nav\"", "</nav>"),
                    containsString("href=\"/admin/konten\""));
        }
        int adminId = accountId(admin.get("/admin/konten?suche=" + ADMIN).body(), ADMIN);
        for (String action : List.of("", "/deaktivieren", "/zuruecksetzen")) {
            assertEquals(action, 200, admin.get("/admin/konten/" + adminId + action).status());
        }
        assertThat(admin.get("/admin/konten").body(), containsString("<caption>Konten, Seite 1 von 1</caption>"));
    }

    /** Anonymous visitors are sent to the login page (and back afterwards); their POSTs are refused. */
    @Test
    public void anonymous_visitor_is_sent_to_login_and_cannot_post() {
        Browser anonymous = new Browser();

        for (String path : List.of("/admin/konten", "/admin/konten/neu", "/admin/konten/1", "/admin/protokoll",
                "/admin/konten/1/deaktivieren", "/konto/passwort")) {
            Page page = anonymous.get(path);
            assertTrue(path + " " + page.status(), page.status() == 302 || page.status() == 303);
            assertEquals(path, "/anmelden?ziel=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
                    page.location());
        }
        String token = anonymous.csrfToken();
        assertEquals(403, anonymous.post("/admin/konten/neu", token, Map.of("benutzername", List.of("anonym"),
                "name", List.of("Anonym"))).status());
        assertEquals(403, anonymous.post("/admin/konten/1/deaktivieren", token,
                Map.of("bestaetigt", List.of("ja"))).status());
        assertThat(loggedInAdmin().get("/admin/konten?suche=anonym").body(), containsString("Keine Konten gefunden."));
    }

    /**
     * Someone logged in without the Administration role sees no menu entry and gets 403 on every admin GET and
     * POST; nothing changes.
     */
    @Test
    public void member_gets_403_on_every_admin_page_and_action() {
        Browser admin = loggedInAdmin();
        Person member = createPerson(admin, "Ringmitglied", "ringmitglied");
        Browser browser = member.logIn();
        int adminId = accountId(admin.get("/admin/konten?suche=" + ADMIN).body(), ADMIN);
        assertThat(section(browser.get("/").body(), "<nav class=\"main-nav\"", "</nav>"),
                not(containsString("/admin/konten")));

        for (String path : List.of("/admin/konten", "/admin/konten/neu", "/admin/protokoll",
                "/admin/konten/" + adminId, "/admin/konten/" + adminId + "/deaktivieren",
                "/admin/konten/" + member.id + "/zuruecksetzen")) {
            assertEquals(path, 403, browser.get(path).status());
        }
        String token = browser.csrfToken();
        Map<String, List<String>> promote = Map.of("name", List.of("Ich"), "rolle", List.of("administration"));
        assertEquals(403, browser.post("/admin/konten/" + member.id, token, promote).status());
        assertEquals(403, browser.post("/admin/konten/neu", token, Map.of("benutzername", List.of("eindringling"),
                "name", List.of("X"), "rolle", List.of("administration"), "aktiv", List.of("ja"))).status());
        Map<String, List<String>> confirmed = Map.of("bestaetigt", List.of("ja"));
        assertEquals(403, browser.post("/admin/konten/" + adminId + "/deaktivieren", token, confirmed).status());
        assertEquals(403, browser.post("/admin/konten/" + member.id + "/zuruecksetzen", token, confirmed).status());
        assertEquals(403, browser.post("/admin/konten/" + adminId + "/aktivieren", token, Map.of()).status());

        String list = admin.get("/admin/konten?suche=" + member.userName).body();
        assertThat(list, containsString("<td>Ringmitglied</td><td>aktiv</td>"));
        assertThat(admin.get("/admin/konten?suche=eindringling").body(), containsString("Keine Konten gefunden."));
        assertThat(admin.get("/admin/konten/" + adminId).body(), containsString("<dd>aktiv</dd>"));
        assertThat(admin.get("/admin/protokoll?person=" + member.userName + "&ereignis=PASSWORD_RESET_ISSUED").body(),
                containsString("1 Eintrag gefunden."));
    }

    /** A form sent without the CSRF token is refused before the page runs, and no account appears. */
    @Test
    public void post_without_csrf_token_is_403_and_changes_nothing() {
        Browser admin = loggedInAdmin();

        Page refused = admin.post("/admin/konten/neu", null, Map.of("benutzername", List.of("ohne.token"),
                "name", List.of("Ohne Token"), "aktiv", List.of("ja")));
        Page wrong = admin.post("/admin/konten/neu", "A".repeat(43), Map.of("benutzername", List.of("ohne.token"),
                "name", List.of("Ohne Token"), "aktiv", List.of("ja")));

        assertEquals(403, refused.status());
        assertEquals(403, wrong.status());
        assertThat(refused.body(), containsString("<h1>Formular abgelaufen</h1>"));
        assertThat(admin.get("/admin/konten?suche=ohne.token").body(), containsString("Keine Konten gefunden."));
    }

    /** Creating, editing, changing roles and disabling each appear in the audit log, with actor and details. */
    @Test
    public void every_change_appears_in_the_audit_log() {
        Browser admin = loggedInAdmin();
        Person person = createPerson(admin, "Protokoll Person", "ringmitglied");

        Page saved = admin.submit("/admin/konten/" + person.id, Map.of("name", List.of("Protokoll Person Neu"),
                "email", List.of("person@example.org"), "ags", List.of("08426"),
                "rolle", List.of("ringmitglied", "redaktion")));
        assertEquals(303, saved.status());
        assertThat(admin.get(saved.location()).body(), containsString("Die Änderungen sind gespeichert."));
        assertEquals(303, admin.submit("/admin/konten/" + person.id + "/deaktivieren",
                Map.of("bestaetigt", List.of("ja"))).status());

        String log = admin.get("/admin/protokoll?person=" + person.userName).body();
        String table = section(log, "<tbody>", "</tbody>");
        for (String expected : List.of("<td>Konto angelegt</td><td>admin</td><td>" + person.userName,
                "<td>Link zum Zurücksetzen erstellt</td><td>admin</td>",
                "<td>Konto geändert</td><td>admin</td><td>" + person.userName,
                "geändert: Name, E-Mail, Gemeinde",
                "<td>Rollen geändert</td><td>admin</td><td>" + person.userName,
                "Ringmitglied → Ringmitglied, Redaktion",
                "<td>Konto deaktiviert</td><td>admin</td><td>" + person.userName)) {
            assertThat(table, containsString(expected));
        }
        assertThat(admin.get("/admin/protokoll?person=" + person.userName + "&ereignis=ROLES_CHANGED").body(),
                containsString("1 Eintrag gefunden."));
        assertThat(admin.get("/admin/konten?suche=" + person.userName).body(),
                containsString("<td>Ringmitglied, Redaktion</td><td>deaktiviert</td>"));
    }

    /** Disabling an account ends its running session: the person's next request is anonymous. */
    @Test
    public void disabling_ends_the_persons_session() {
        Browser admin = loggedInAdmin();
        Person person = createPerson(admin, "Bald Deaktiviert", "ringmitglied");
        Browser browser = person.logIn();
        assertEquals(200, browser.get("/konto/passwort").status());

        Page confirm = admin.get("/admin/konten/" + person.id + "/deaktivieren");
        assertThat(confirm.body(), containsString("Wirklich das Konto „" + person.userName + "“"));
        assertEquals(303, admin.submit("/admin/konten/" + person.id + "/deaktivieren",
                Map.of("bestaetigt", List.of("ja"))).status());

        Page after = browser.get("/konto/passwort");
        assertTrue(after.status() == 302 || after.status() == 303);
        assertThat(after.location(), containsString("/anmelden"));
        assertNotEquals(303, new Browser().login(person.userName, MEMBER_PASSWORD).status());
    }

    /** A password link works once: a second use, by GET or POST, is refused with a clear message. */
    @Test
    public void reset_link_works_once_not_twice() {
        Browser admin = loggedInAdmin();
        Person person = createPerson(admin, "Einmal Link", "ringmitglied");
        Page again = new Browser().get(person.link);
        assertEquals(410, again.status());
        assertThat(again.body(), containsString("Dieser Link wurde bereits benutzt."));

        // a new link after confirmation; the old password still works until the new link is used
        assertThat(admin.get("/admin/konten/" + person.id + "/zuruecksetzen").body(),
                containsString("Wirklich einen neuen Link"));
        Page issued = admin.submit("/admin/konten/" + person.id + "/zuruecksetzen",
                Map.of("bestaetigt", List.of("ja")));
        assertEquals(200, issued.status());
        String link = link(issued.body());
        Browser owner = new Browser();
        Page form = owner.get(link);
        assertEquals(200, form.status());
        String token = link.substring(link.length() - 43);
        Page set = owner.submit(link, "/passwort-setzen", Map.of("token", List.of(token),
                "passwort", List.of("Neues-Passwort-fuer-den-Ring"),
                "wiederholung", List.of("Neues-Passwort-fuer-den-Ring")));
        assertEquals(200, set.status());
        Page replay = owner.post("/passwort-setzen", owner.csrfToken(), Map.of("token", List.of(token),
                "passwort", List.of("Noch-ein-anderes-Passwort"), "wiederholung", List.of("Noch-ein-anderes-Passwort")));
        assertEquals(410, replay.status());
        assertEquals(303, new Browser().login(person.userName, "Neues-Passwort-fuer-den-Ring").status());
        assertNotEquals(303, new Browser().login(person.userName, MEMBER_PASSWORD).status());
        assertEquals(404, new Browser().get("/passwort-setzen?token=" + "x".repeat(43)).status());
    }

    /** A name with a script tag is stored as typed and shown as text, never as markup. */
    @Test
    public void script_in_the_name_is_shown_escaped() {
        Browser admin = loggedInAdmin();
        Person person = createPerson(admin, "<script>alert('x')</script> Muster", "ringmitglied");

        for (String path : List.of("/admin/konten?suche=" + person.userName, "/admin/konten/" + person.id)) {
            String body = admin.get(path).body();
            assertThat(path, body, containsString("&lt;script&gt;alert("));
            assertThat(path, body, not(containsString("<script>alert(")));
        }
    }

    /** Hostile input gets a German message or is stored inert, never a 500; a 1 MB body gets a 4xx. */
    @Test
    public void hostile_input_is_refused_with_a_message_never_a_500() {
        Browser admin = loggedInAdmin();

        Page injection = admin.get("/admin/konten?suche=" + URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8));
        assertEquals(200, injection.status());
        assertThat(injection.body(), containsString("Keine Konten gefunden."));

        Page control = admin.submit("/admin/konten/neu", Map.of("benutzername", List.of("Robert'); DROP TABLE--"),
                "name", List.of("Bobby\u0000Tables"), "ags", List.of("1 OR 1"), "email", List.of("<b>@x"),
                "rolle", List.of("gott")));
        assertEquals(422, control.status());
        for (String message : List.of("Der Benutzername darf nur Kleinbuchstaben",
                "Der Name darf keine Steuerzeichen enthalten.", "Der Gemeindeschlüssel (AGS) besteht aus genau",
                "Bitte geben Sie eine E-Mail-Adresse", "Bitte wählen Sie nur Rollen aus der Liste.")) {
            assertThat(control.body(), containsString(message));
        }
        assertThat(control.body(), containsString("aria-invalid=\"true\""));
        assertThat(control.body(), containsString("value=\"&lt;b&gt;@x\""));

        Page tooLong = admin.submit("/admin/konten/neu", Map.of("benutzername", List.of("lang"),
                "name", List.of("x".repeat(150_000))));
        assertEquals(422, tooLong.status());
        assertThat(tooLong.body(), containsString("Der Name darf höchstens 200 Zeichen lang sein."));

        Page huge = admin.submit("/admin/konten/neu", Map.of("benutzername", List.of("riesig"),
                "name", List.of("x".repeat(1_000_000))));
        assertTrue("status " + huge.status(), huge.status() >= 400 && huge.status() < 500);
        assertThat(admin.get("/admin/konten?suche=riesig").body(), containsString("Keine Konten gefunden."));
        assertThat(admin.get("/admin/konten?suche=lang").body(), containsString("Keine Konten gefunden."));

        Page badDates = admin.get("/admin/protokoll?von=31.02.2026&bis=" + "9".repeat(500) + "&seite=-1");
        assertEquals(200, badDates.status());
        assertThat(badDates.body(), containsString("Bitte geben Sie ein Datum ein"));
    }

    /** The last enabled administrator can neither disable themselves nor give up the role. */
    @Test
    public void last_administrator_cannot_lock_the_portal_out() {
        Browser admin = loggedInAdmin();
        int adminId = accountId(admin.get("/admin/konten?suche=" + ADMIN).body(), ADMIN);

        Page disable = admin.submit("/admin/konten/" + adminId + "/deaktivieren", Map.of("bestaetigt", List.of("ja")));
        assertEquals(409, disable.status());
        assertThat(disable.body(), containsString("Das letzte aktive Administrationskonto kann nicht deaktiviert"));
        Page demote = admin.submit("/admin/konten/" + adminId, Map.of("name", List.of("Administration"),
                "rolle", List.of("redaktion")));
        assertEquals(422, demote.status());
        assertThat(demote.body(), containsString("kann die Rolle „Administration“ nicht abgeben"));
        assertEquals(200, admin.get("/admin/konten").status());
    }

    /** Own password change: wrong current password is an error; success ends the old session everywhere. */
    @Test
    public void own_password_change_checks_the_current_one_and_renews_the_session() {
        Person person = createPerson(loggedInAdmin(), "Wechselt Passwort", "ringmitglied");
        Browser browser = person.logIn();
        Browser otherDevice = person.logIn();

        Page wrong = browser.submit("/konto/passwort", Map.of("aktuell", List.of("falsch-falsch-falsch"),
                "passwort", List.of("Ganz-neues-Passwort-2026"), "wiederholung", List.of("Ganz-neues-Passwort-2026")));
        assertEquals(422, wrong.status());
        assertThat(wrong.body(), containsString("Das aktuelle Passwort ist nicht richtig."));

        String oldSession = browser.cookie("rp_session");
        Page changed = browser.submit("/konto/passwort", Map.of("aktuell", List.of(MEMBER_PASSWORD),
                "passwort", List.of("Ganz-neues-Passwort-2026"), "wiederholung", List.of("Ganz-neues-Passwort-2026")));
        assertEquals(303, changed.status());
        assertNotEquals(oldSession, browser.cookie("rp_session"));
        assertThat(browser.get(changed.location()).body(), containsString("Ihr Passwort ist geändert."));

        Browser stolenCookie = new Browser();
        stolenCookie.setCookie("rp_session", oldSession);
        assertNotEquals(200, stolenCookie.get("/konto/passwort").status());
        assertNotEquals(200, otherDevice.get("/konto/passwort").status());
        assertEquals(303, new Browser().login(person.userName, "Ganz-neues-Passwort-2026").status());
        assertThat(loggedInAdmin().get("/admin/protokoll?ereignis=PASSWORD_CHANGED&person=" + person.userName)
                .body(), containsString("1 Eintrag gefunden."));
    }

    // ----- fixtures -----

    /** An account created through the admin pages, with its password set through its one-time link. */
    private final class Person {
        final String userName;
        final int id;
        final String link;

        Person(String userName, int id, String link) {
            this.userName = userName;
            this.id = id;
            this.link = link;
        }

        Browser logIn() {
            Browser browser = new Browser();
            assertEquals("login of " + userName, 303, browser.login(userName, MEMBER_PASSWORD).status());
            return browser;
        }
    }

    private Browser loggedInAdmin() {
        Browser admin = new Browser();
        assertEquals(303, admin.login(ADMIN, ADMIN_PASSWORD).status());
        return admin;
    }

    /** Creates an account with a unique user name through the form, and sets its password through the link. */
    private Person createPerson(Browser admin, String name, String role) {
        String userName = "person-" + PEOPLE.incrementAndGet();
        Page created = admin.submit("/admin/konten/neu", Map.of("benutzername", List.of(userName),
                "name", List.of(name), "rolle", List.of(role), "aktiv", List.of("ja")));
        assertEquals(created.body(), 200, created.status());
        assertThat(created.body(), containsString("Das Konto „" + userName + "“ ist angelegt."));
        String link = link(created.body());
        Matcher account = ACCOUNT.matcher(created.body());
        assertTrue(account.find());

        Browser owner = new Browser();
        Page form = owner.get(link);
        assertEquals(200, form.status());
        Page set = owner.submit(link, "/passwort-setzen", Map.of("token", List.of(link.substring(link.length() - 43)),
                "passwort", List.of(MEMBER_PASSWORD), "wiederholung", List.of(MEMBER_PASSWORD)));
        assertEquals(set.body(), 200, set.status());
        assertThat(set.body(), containsString("ist gesetzt"));
        return new Person(userName, Integer.parseInt(account.group(1)), link);
    }

    /** The site-relative password link on a page that shows one. */
    private static String link(String html) {
        Matcher matcher = LINK.matcher(html);
        assertTrue("no password link in:\n" + html, matcher.find());
        return matcher.group(1).replace("&#61;", "=");
    }

    /** The id of the account with this user name in an account list. */
    private static int accountId(String listHtml, String userName) {
        Matcher matcher = Pattern.compile("href=\"/admin/konten/([0-9]+)\">" + Pattern.quote(userName) + "</a>")
                .matcher(listHtml);
        assertTrue(matcher.find());
        return Integer.parseInt(matcher.group(1));
    }

    /** A response as a browser sees it. */
    private record Page(int status, String location, String body) {
    }

    /** One person's browser: its own cookies, no automatic redirects. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Page get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        /** POSTs the form with this CSRF token (none when null). */
        Page post(String path, String csrfToken, Map<String, List<String>> fields) {
            List<String> pairs = new ArrayList<>();
            if (csrfToken != null) {
                pairs.add("_csrf=" + csrfToken);
            }
            fields.forEach((name, values) -> values.forEach(value -> pairs.add(
                    URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value,
                            StandardCharsets.UTF_8))));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
        }

        /** Like a person: opens the form's page, then sends the form with the page's token. */
        Page submit(String formPage, String action, Map<String, List<String>> fields) {
            Page page = get(formPage);
            Matcher token = CSRF.matcher(page.body());
            assertTrue("no form on " + formPage + " (" + page.status() + ")", token.find());
            return post(action, token.group(1), fields);
        }

        /** A form that posts to the page it is on. */
        Page submit(String path, Map<String, List<String>> fields) {
            return submit(path, path, fields);
        }

        /** The browser's CSRF token, as the login page's form carries it. */
        String csrfToken() {
            Matcher token = CSRF.matcher(get("/anmelden").body());
            assertTrue(token.find());
            return token.group(1);
        }

        /** POST /anmelden the way the login form does. */
        Page login(String userName, String password) {
            return post("/anmelden", csrfToken(), Map.of("benutzer", List.of(userName),
                    "passwort", List.of(password)));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        void setCookie(String name, String value) {
            assertNotNull(value);
            HttpCookie cookie = new HttpCookie(name, value);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(uri("/"), cookie);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path);
        }

        private Page send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                        response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
