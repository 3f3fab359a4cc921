package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged launcher as an operator runs it: one portal process for the whole class, started cold on empty
 * folders, restarted once by the restart scenario.
 */
public class LauncherIT {

    private static final String WELCOME = "Seit dem 1. 1. 2005 ist in der Bundesrepublik Deutschland das Sozialgesetzbuch II";
    private static final String STYLESHEET = "<link rel=\"stylesheet\" href=\"/assets/core/portal.css\">";
    private static final String DEPLOYED = "test.deployed";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path home;
    private static PortalProcess portal;

    @BeforeClass
    public static void startCold() throws Exception {
        home = PortalProcess.newHome("LauncherIT");
        long started = System.nanoTime();
        portal = PortalProcess.start(home);
        System.out.printf("LauncherIT: cold start until /health answered 200: %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    /** A cold start on empty folders serves the start page with the seeded welcome text. */
    @Test
    public void cold_start_serves_the_welcome_page() throws Exception {
        HttpResponse<String> start = portal.get("/");

        assertEquals(200, start.statusCode());
        assertThat(start.body(), containsString("<h1>Willkommen</h1>"));
        assertThat(start.body(), containsString(WELCOME));
    }

    /** A path nobody serves answers 404 with the portal's own German page. */
    @Test
    public void unknown_path_is_a_styled_404() throws Exception {
        RawHttp.Response response = RawHttp.send(portal.port(), "GET", "/gibt-es-nicht");

        assertEquals(404, response.status());
        assertStyledErrorPage(response, "Seite nicht gefunden");
    }

    /** A request line far beyond any real address is refused as too long, never answered with a 500. */
    @Test
    public void overlong_url_is_refused_as_too_long() throws Exception {
        RawHttp.Response response = RawHttp.send(portal.port(), "GET", "/" + "a".repeat(20_000));

        assertTrue("expected 414 or 431 but was:\n" + response.head(),
                response.status() == 414 || response.status() == 431);
        assertNoStackTrace(response);
    }

    /** A query string with broken percent-encoding is a 400 with the portal's own page. */
    @Test
    public void malformed_query_is_a_styled_400() throws Exception {
        RawHttp.Response response = RawHttp.send(portal.port(), "GET", "/?a=%zz");

        assertEquals(400, response.status());
        assertStyledErrorPage(response, "Ungültige Anfrage");
    }

    /** A path with broken percent-encoding is a 400 (Jetty rejects it before the portal sees it). */
    @Test
    public void broken_percent_encoding_in_the_path_is_400() throws Exception {
        RawHttp.Response response = RawHttp.send(portal.port(), "GET", "/%zz");

        assertEquals(400, response.status());
        assertNoStackTrace(response);
    }

    /** TRACE and methods HTTP does not know are refused with 405 and the portal's own page. */
    @Test
    public void trace_and_made_up_methods_are_405() throws Exception {
        for (String method : new String[] { "TRACE", "FROBNICATE" }) {
            RawHttp.Response response = RawHttp.send(portal.port(), method, "/");

            assertEquals(method, 405, response.status());
            assertStyledErrorPage(response, "Aktion nicht erlaubt");
        }
    }

    /** A bundle jar copied into the deploy folder gets installed and started without a restart. */
    @Test
    public void a_bundle_dropped_into_the_deploy_dir_becomes_active() throws Exception {
        deployTestBundle();

        assertEquals("ACTIVE", bundleState(DEPLOYED));
    }

    /**
     * Without {@code --behind-proxy} a client's {@code X-Forwarded-Proto} is ignored (the form cookie is not marked
     * Secure on plain HTTP); after a restart with {@code RINGPORTAL_BEHIND_PROXY=true}, the proxy's header makes the
     * request secure. Runs inside the restart scenario so that the order of the two checks is fixed.
     */
    private static void assertForwardedProtoTrusted(boolean expected) throws IOException, InterruptedException {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(portal.uri("/anmelden"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String csrfCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.toLowerCase(java.util.Locale.ROOT).contains("csrf")).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie on the login form: " + login.headers()));
        assertEquals(csrfCookie, expected, csrfCookie.contains("Secure"));
    }

    /**
     * SIGTERM stops the portal cleanly (Derby shut down, no recovery pending); a title changed in the database while it
     * was stopped is what the restarted portal serves, so pages come from the persistent database and the seed does not
     * run again; a deployed bundle is still active after the restart.
     */
    @Test
    public void restart_after_sigterm_keeps_database_changes_and_deployed_bundles() throws Exception {
        deployTestBundle();
        assertForwardedProtoTrusted(false);
        String siteSchema = health().path("schemas").path("site").asText();
        assertThat(siteSchema, startsWith("OK: version "));

        long stopping = System.nanoTime();
        int exitCode = portal.stop();
        System.out.printf("LauncherIT: stop after SIGTERM: %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
        assertStoppedCleanly(exitCode);

        String changedTitle = "Impressum (geändert " + System.nanoTime() + ")";
        changeImprintTitleInDatabase(changedTitle);

        long restarting = System.nanoTime();
        portal = PortalProcess.start(home, Map.of("RINGPORTAL_BEHIND_PROXY", "true"));
        System.out.printf("LauncherIT: restart until /health answered 200: %d ms%n",
                (System.nanoTime() - restarting) / 1_000_000);

        HttpResponse<String> imprint = portal.get("/impressum");
        assertEquals(200, imprint.statusCode());
        assertThat(imprint.body(), containsString("<h1>" + changedTitle + "</h1>"));
        assertThat(portal.get("/").body(), containsString(WELCOME));
        JsonNode health = health();
        assertEquals("a re-run seed would fail on the existing rows", siteSchema,
                health.path("schemas").path("site").asText());
        assertEquals("ACTIVE", bundleState(DEPLOYED));
        assertForwardedProtoTrusted(true);
    }

    /** {@code --help} prints the German usage and exits 0 without starting anything. */
    @Test
    public void help_prints_the_usage_and_exits_0() throws Exception {
        PortalProcess.Finished run = PortalProcess.run(Duration.ofSeconds(30), "--help");

        assertEquals(run.stderr(), 0, run.exitCode());
        assertThat(run.stdout(), containsString("Aufruf: java -jar ringportal.jar [Optionen]"));
        assertThat(run.stdout(), containsString("--data-dir"));
        assertThat(run.stdout(), containsString("--db-url"));
        assertThat(run.stdout(), containsString("RINGPORTAL_DB_PASSWORD"));
    }

    /** A database URL that is neither PostgreSQL nor embedded Derby exits 2, in German, without its password. */
    @Test
    public void a_database_url_of_another_kind_exits_2_with_a_german_message() throws Exception {
        PortalProcess.Finished run = PortalProcess.run(Duration.ofSeconds(30), "--db-url",
                "jdbc:mysql://db:3306/portal?password=geheim");

        assertEquals(run.stdout() + run.stderr(), 2, run.exitCode());
        assertThat(run.stderr(), containsString("Ungültige Datenbank-Adresse: jdbc:mysql://db:3306/portal?password=***"));
        assertThat(run.stdout() + run.stderr(), not(containsString("geheim")));
    }

    /** A port that is not a number ends the launcher with exit code 2 and a German explanation. */
    @Test
    public void a_port_that_is_not_a_number_exits_2_with_a_german_message() throws Exception {
        PortalProcess.Finished run = PortalProcess.run(Duration.ofSeconds(30), "--port", "abc");

        assertEquals(run.stdout() + run.stderr(), 2, run.exitCode());
        assertThat(run.stderr(), containsString("Ungültiger Port: abc"));
        assertThat(run.stderr(), not(containsString("Exception")));
    }

    private static void assertStyledErrorPage(RawHttp.Response response, String germanTitle) {
        assertThat(response.whole(), response.head(), containsString("Content-Type: text/html"));
        assertThat(response.body(), containsString("<html lang=\"de\">"));
        assertThat(response.body(), containsString(STYLESHEET));
        assertThat(response.body(), containsString("<h1>" + germanTitle + "</h1>"));
        assertNoStackTrace(response);
    }

    private static void assertNoStackTrace(RawHttp.Response response) {
        for (String trace : new String[] { "Exception", "at de.ringportal", "at org." }) {
            assertThat(response.whole(), response.body(), not(containsString(trace)));
        }
    }

    /**
     * Clean means: the JVM ran its shutdown hook to the end (exit 143, the JVM's code after SIGTERM, or 0), nothing
     * failed on the way, and Derby shut the database and then its engine down. Derby deletes its lock files only on a
     * clean shutdown; after a kill they stay, and the next boot has to run recovery.
     */
    private static void assertStoppedCleanly(int exitCode) throws IOException {
        String output = portal.output();
        assertTrue("exit code " + exitCode + ", output:\n" + output, exitCode == 143 || exitCode == 0);
        assertThat(output, not(containsString("Exception")));
        assertThat(output, not(containsString(" ERROR ")));

        Path db = portal.dataDir().resolve("db");
        String derbyLog = Files.readString(portal.dataDir().resolve("derby.log"), StandardCharsets.UTF_8);
        assertThat(derbyLog, containsString("on database directory " + db));
        assertThat(derbyLog, containsString("Shutting down instance "));
        assertThat(derbyLog, containsString("Shutting down Derby engine"));
        assertThat(derbyLog, not(containsString("ERROR")));
        assertFalse("db.lck left behind", Files.exists(db.resolve("db.lck")));
        assertFalse("dbex.lck left behind", Files.exists(db.resolve("dbex.lck")));
    }

    /** Opens the stopped portal's database directly, as an administrator with Derby's tools would. */
    private static void changeImprintTitleInDatabase(String title) throws SQLException {
        Path db = portal.dataDir().resolve("db");
        // This JVM's own Derby log goes next to the portal's, not into the working directory.
        System.setProperty("derby.stream.error.file", home.resolve("test-derby.log").toString());
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + db);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE site_page SET title = ?, updated_at = CURRENT_TIMESTAMP WHERE slug = 'impressum'")) {
            update.setString(1, title);
            assertEquals(1, update.executeUpdate());
        } finally {
            shutDownDatabase(db);
        }
    }

    private static void shutDownDatabase(Path db) {
        try {
            DriverManager.getConnection("jdbc:derby:" + db + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby reports a successful database shutdown as SQLState 08006.
            assertEquals(e.toString(), "08006", e.getSQLState());
        }
    }

    /** Drops a minimal bundle into the deploy folder (once per class) and waits until the portal reports it active. */
    private static void deployTestBundle() throws IOException, InterruptedException {
        Path target = portal.deployDir().resolve(DEPLOYED + ".jar");
        if (!Files.exists(target)) {
            Manifest manifest = new Manifest();
            Attributes attributes = manifest.getMainAttributes();
            attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            attributes.putValue("Bundle-ManifestVersion", "2");
            attributes.putValue("Bundle-SymbolicName", DEPLOYED);
            attributes.putValue("Bundle-Version", "1.0.0");
            // Written beside the deploy folder and moved in whole, so the folder watcher never sees half a jar.
            Path staging = home.resolve(DEPLOYED + ".jar");
            try (OutputStream out = Files.newOutputStream(staging);
                    JarOutputStream jar = new JarOutputStream(out, manifest)) {
                jar.finish();
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        portal.await(DEPLOYED + " is ACTIVE in /health", DEPLOY_TIMEOUT, () -> "ACTIVE".equals(bundleState(DEPLOYED)));
    }

    private static JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(portal.get("/health").body());
    }

    /** The state /health reports for a bundle, or "MISSING". */
    private static String bundleState(String symbolicName) throws IOException, InterruptedException {
        for (JsonNode bundle : health().path("bundles")) {
            if (symbolicName.equals(bundle.path("symbolicName").asText())) {
                return bundle.path("state").asText();
            }
        }
        return "MISSING";
    }
}
