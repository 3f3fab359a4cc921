package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.ringportal.core.testing.PostgresServer;
import de.ringportal.it.Visitor;

/**
 * The packaged launcher on a PostgreSQL server instead of embedded Derby, as an operator runs it with
 * {@code RINGPORTAL_DB_URL}, {@code RINGPORTAL_DB_USER} and {@code RINGPORTAL_DB_PASSWORD}: one throwaway server
 * for the class ({@link PostgresServer}), one portal on it.
 */
public class PostgresLauncherIT {

    private static final String DATABASE = "portal";
    private static final String ADMIN_PASSWORD = "Anfangs-Passwort-2026!";
    private static final String WELCOME = "Seit dem 1. 1. 2005 ist in der Bundesrepublik Deutschland das Sozialgesetzbuch II";
    private static final String STYLESHEET = "<link rel=\"stylesheet\" href=\"/assets/core/portal.css\">";
    /** How long the portal may take to notice the server gone or back: the watch checks every 2 s. */
    private static final Duration NOTICE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The administrator's password now: the restart scenario changes it. */
    private static volatile String adminPassword = ADMIN_PASSWORD;
    private static PostgresServer server;
    private static Path home;
    private static PortalProcess portal;

    @BeforeClass
    public static void startServerAndPortal() throws Exception {
        server = PostgresServer.startWithPassword("PostgresLauncherIT");
        server.createDatabase(DATABASE);
        home = PortalProcess.newHome("PostgresLauncherIT");
        long started = System.nanoTime();
        portal = PortalProcess.start(home, environment(PostgresServer.PASSWORD));
        System.out.printf("PostgresLauncherIT: cold start on PostgreSQL until /health answered 200: %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (portal != null) {
                portal.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * The portal comes up on PostgreSQL (every module's schema migrated there, not in a Derby folder), serves the
     * start page, lets the administrator log in and change the password; after a restart the new password is the one
     * that works, and the change is a row in the PostgreSQL database. No output ever shows the database password.
     */
    @Test
    public void runs_on_postgresql_and_keeps_a_password_change_over_a_restart() throws Exception {
        JsonNode health = health();
        assertEquals("UP", health.path("status").asText());
        assertEquals("UP", health.path("database").asText());
        assertThat(health.path("schemas").path("site").asText(), containsString("OK: version "));
        HttpResponse<String> start = portal.get("/");
        assertEquals(200, start.statusCode());
        assertThat(start.body(), containsString(WELCOME));
        assertTrue("the site's tables are in PostgreSQL", count("SELECT COUNT(*) FROM site_page") > 0);
        portal.await("the launcher names the database", PortalProcess.START_TIMEOUT,
                () -> portal.output().contains("Datenbank: " + server.url(DATABASE)));

        String newPassword = "Neues-Passwort-" + System.nanoTime();
        Visitor admin = new Visitor(portal.port());
        assertEquals(303, admin.login("admin", ADMIN_PASSWORD, "/").status());
        Map<String, String> change = new LinkedHashMap<>();
        change.put("_csrf", admin.get("/konto/passwort").csrfToken());
        change.put("aktuell", ADMIN_PASSWORD);
        change.put("passwort", newPassword);
        change.put("wiederholung", newPassword);
        Visitor.Page changed = admin.post("/konto/passwort", change);
        assertEquals(changed.body(), 303, changed.status());
        adminPassword = newPassword;

        assertEquals(143, portal.stop());
        portal = PortalProcess.start(home, environment(PostgresServer.PASSWORD));

        assertNotEquals("the old password no longer works", 303,
                new Visitor(portal.port()).login("admin", ADMIN_PASSWORD, "/").status());
        assertEquals(303, new Visitor(portal.port()).login("admin", newPassword, "/").status());
        assertEquals(200, portal.get("/").statusCode());
        assertThat(portal.output(), not(containsString(PostgresServer.PASSWORD)));
    }

    /**
     * A refused password ends the launcher with an exit code other than 0 and one German line naming the URL, within
     * seconds, and the password shows nowhere; the database stays as it was (nothing half-migrated).
     */
    @Test
    public void a_refused_password_exits_with_a_german_message_and_no_password() throws Exception {
        String wrong = "falsch-" + System.nanoTime();
        PortalProcess refused = PortalProcess.launch(PortalProcess.newHome("PostgresLauncherIT-refused"),
                environment(wrong));
        try {
            int exitCode = refused.waitForExit(Duration.ofSeconds(90));
            String output = refused.output();
            assertNotEquals(output, 0, exitCode);
            assertThat(output, containsString("lehnt die Anmeldung als " + PostgresServer.USER + " an "
                    + server.url(DATABASE) + " ab"));
            assertThat(output, containsString("Ringportal kann nicht starten"));
            assertThat(output, not(containsString(wrong)));
            assertThat(output, not(containsString(PostgresServer.PASSWORD)));
            assertThat(output, not(containsString("Ringportal läuft auf")));
        } finally {
            refused.close();
        }
    }

    /**
     * A server that does not answer (nothing listens on its port) is retried for 30 s, then the launcher exits with an
     * exit code other than 0 and a German line naming the URL.
     */
    @Test
    public void an_unreachable_server_exits_after_about_30_seconds() throws Exception {
        Map<String, String> environment = environment(PostgresServer.PASSWORD);
        String unreachable = "jdbc:postgresql://127.0.0.1:" + PortalProcess.freePort() + "/" + DATABASE;
        environment.put("RINGPORTAL_DB_URL", unreachable);
        long started = System.nanoTime();
        PortalProcess gone = PortalProcess.launch(PortalProcess.newHome("PostgresLauncherIT-unreachable"), environment);
        try {
            int exitCode = gone.waitForExit(Duration.ofSeconds(120));
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            System.out.printf("PostgresLauncherIT: unreachable server, launcher exited after %d s%n", seconds);
            String output = gone.output();
            assertNotEquals(output, 0, exitCode);
            assertThat(output, containsString("Der PostgreSQL-Server " + unreachable + " ist nach 3"));
            assertThat(output, containsString(" s nicht erreichbar"));
            assertTrue("exited after " + seconds + " s:\n" + output, seconds < 60);
        } finally {
            gone.close();
        }
    }

    /**
     * The server stopped while the portal runs: {@code /health} says DOWN with a German reason and pages answer the
     * styled 503 (not 500); once the server is started again, both come back by themselves, without a restart.
     */
    @Test
    public void a_stopped_server_makes_pages_503_and_the_portal_recovers_when_it_is_back() throws Exception {
        assertEquals(200, portal.get("/aktuelles").statusCode());
        Visitor admin = new Visitor(portal.port());
        assertEquals(303, admin.login("admin", adminPassword, "/").status());
        server.stop();
        try {
            portal.await("/health says the database is DOWN", NOTICE, () -> portal.get("/health").statusCode() == 503);
            JsonNode health = health();
            assertEquals("DOWN", health.path("status").asText());
            assertEquals("DOWN", health.path("database").asText());
            assertThat(health.path("reason").asText(), containsString("Die Verbindung zur Datenbank ist seit "));
            for (String page : new String[] { "/", "/aktuelles", "/anmelden" }) {
                RawHttp.Response response = RawHttp.send(portal.port(), "GET", page);
                assertEquals(page + "\n" + response.whole(), 503, response.status());
                assertThat(response.head(), containsString("Retry-After: "));
                assertThat(response.body(), containsString(STYLESHEET));
                assertThat(response.body(), containsString("<h1>Vorübergehend nicht verfügbar</h1>"));
                assertThat(response.body(), containsString("Die Verbindung zur Datenbank ist gerade unterbrochen."));
                assertThat(response.body(), not(containsString("Exception")));
            }
            assertEquals("a logged-in page", 503, admin.get("/konto/passwort").status());
        } finally {
            server.startAgain();
        }
        portal.await("/health answers 200 again", NOTICE, () -> portal.get("/health").statusCode() == 200);
        assertEquals("UP", health().path("database").asText());
        HttpResponse<String> start = portal.get("/");
        assertEquals(200, start.statusCode());
        assertThat(start.body(), containsString(WELCOME));
        assertEquals(200, portal.get("/aktuelles").statusCode());
        assertEquals("a logged-in page", 200, admin.get("/konto/passwort").status());
        assertTrue(portal.isAlive());
    }

    private static Map<String, String> environment(String password) {
        Map<String, String> environment = new HashMap<>();
        environment.put("RINGPORTAL_DB_URL", server.url(DATABASE));
        environment.put("RINGPORTAL_DB_USER", PostgresServer.USER);
        environment.put("RINGPORTAL_DB_PASSWORD", password);
        environment.put("RINGPORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return environment;
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = server.connect(DATABASE);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static JsonNode health() throws Exception {
        return JSON.readTree(portal.get("/health").body());
    }
}
