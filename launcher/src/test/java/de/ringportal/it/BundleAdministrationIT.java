package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;

/**
 * The Erweiterungen page at work: an administrator installs the optional events module from its file, removes it,
 * installs it again, updates it and rolls back; files that are no bundle, do not resolve, lie, throw or take another
 * module's route are refused with a German message while the portal keeps serving; nobody but an administrator gets
 * through, and no form without its CSRF token.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleAdministrationIT extends AuthTestSupport {

    static final String EVENTS = "de.ringportal.events";
    private static final String FILES = "ringportal.it.admin.files";
    private static final String EDITOR = "redaktion-bundles";
    private static final Pattern PENDING = Pattern.compile("name=\"datei\" value=\"([0-9a-f-]{36})\"");

    private Visitor admin;

    @Override
    protected Option[] additionalOptions(Path work) throws IOException {
        Path files = Files.createDirectories(work.resolve("uploads"));
        Files.copy(TestBundles.eventsJar(), files.resolve("events.jar"));
        TestBundles.eventsWithVersion(files, "0.2.0");
        TestBundles.unresolvable(files);
        TestBundles.throwingActivator(files);
        TestBundles.routeCollision(files);
        TestBundles.lyingManifest(files);
        TestBundles.secrets(files);
        TestBundles.zipBomb(files);
        TestBundles.plainJar(files);
        Files.writeString(files.resolve("notes.jar"), "Dies ist keine JAR-Datei.");
        return new Option[] {frameworkProperty(FILES).value(files.toString())};
    }

    @Before
    public void loginAsAdministrator() {
        admin = visitor();
        assertEquals(303, admin.login(ADMIN, PASSWORD, "/").status());
    }

    /** Each test starts without the events module (its tables and rows stay, as after an uninstall). */
    @After
    public void removeUploadedBundles() throws BundleException {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith("ringportal:upload:")) {
                bundle.uninstall();
            }
        }
    }

    /** Installing the events JAR makes its pages, its menu entry and its tables appear, and is audited. */
    @Test
    public void installing_the_events_jar_adds_its_pages_menu_entry_and_tables() {
        Visitor.Page result = upload("events.jar");

        assertEquals(result.body(), 200, result.status());
        assertThat(result.body(), containsString("ist installiert und gestartet"));
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        assertThat(section(get("/").body(), "<nav class=\"main-nav\"", "</nav>"),
                containsString("href=\"/veranstaltungen\">Veranstaltungen</a>"));
        assertEquals(0, count("SELECT COUNT(*) FROM events_event WHERE 1 = 0"));
        String row = section(admin.get("/admin/erweiterungen").body(), "<tr id=\"bundle-"
                + installedBundle(EVENTS).getBundleId(), "</tr>");
        assertThat(row, containsString("/veranstaltungen/*"));
        assertThat(row, containsString("Veranstaltungen"));
        assertThat(row, containsString("aktiv"));
        assertTrue(count("SELECT COUNT(*) FROM auth_audit WHERE event = 'MODULE_INSTALLED' AND actor = ? "
                + "AND subject LIKE 'de.ringportal.events %'", ADMIN) >= 1);
    }

    /** Uninstalling takes pages and menu entry away but keeps the data; a reinstall shows the same event again. */
    @Test
    public void uninstall_removes_pages_but_keeps_data_and_a_reinstall_brings_it_back() {
        upload("events.jar");
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        int id = insertEvent("Ringtreffen Ring 4 in Coesfeld");
        assertThat(get("/veranstaltungen/" + id).body(), containsString("Ringtreffen Ring 4 in Coesfeld"));
        long bundleId = installedBundle(EVENTS).getBundleId();

        Visitor.Page question = admin.get("/admin/erweiterungen/aktion?aktion=entfernen&id=" + bundleId);
        assertEquals(200, question.status());
        assertThat(question.body(), containsString("Soll "));
        assertThat(question.body(), containsString("entfernt werden?"));
        Visitor.Page removed = confirm("entfernen", bundleId, null);

        assertEquals(removed.body(), 200, removed.status());
        assertThat(removed.body(), containsString("ist entfernt"));
        assertEquals(404, get("/veranstaltungen").status());
        assertEquals(404, get("/veranstaltungen/" + id).status());
        assertThat(section(get("/").body(), "<nav class=\"main-nav\"", "</nav>"), not(containsString("Veranstaltungen")));
        assertEquals(1, count("SELECT COUNT(*) FROM events_event WHERE id = ?", id));
        assertEquals(200, get("/impressum").status());

        upload("events.jar");
        waitFor("the event is back", () -> get("/veranstaltungen/" + id).status() == 200);
        assertThat(get("/veranstaltungen/" + id).body(), containsString("Ringtreffen Ring 4 in Coesfeld"));
        assertTrue(count("SELECT COUNT(*) FROM auth_audit WHERE event = 'MODULE_UNINSTALLED' AND actor = ?", ADMIN) >= 1);
    }

    /** Updating to a second build asks first, then serves the new version. */
    @Test
    public void update_to_a_second_build_serves_the_new_version() {
        upload("events.jar");
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        long bundleId = installedBundle(EVENTS).getBundleId();

        Visitor.Page question = upload("events-0.2.0.jar");
        assertThat(question.body(), containsString("auf Version 0.2.0 aktualisiert werden?"));
        Visitor.Page updated = confirm("aktualisieren", bundleId, pendingFile(question));

        assertEquals(updated.body(), 200, updated.status());
        assertThat(updated.body(), containsString("auf 0.2.0 aktualisiert"));
        assertEquals("0.2.0", installedBundle(EVENTS).getVersion().toString());
        waitFor("the new version answers", () -> get("/veranstaltungen").body()
                .contains("Modul Veranstaltungen, Version 0.2.0"));
        assertTrue(count("SELECT COUNT(*) FROM auth_audit WHERE event = 'MODULE_UPDATED' AND detail LIKE '%auf 0.2.0'")
                >= 1);
    }

    /** After a bad update, one action returns to the set of bundles before it. */
    @Test
    public void rollback_after_an_update_restores_the_previous_version() {
        upload("events.jar");
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        Bundle events = installedBundle(EVENTS);
        String first = events.getVersion().toString();
        Visitor.Page question = upload("events-0.2.0.jar");
        confirm("aktualisieren", events.getBundleId(), pendingFile(question));
        assertEquals("0.2.0", installedBundle(EVENTS).getVersion().toString());

        Visitor.Page preview = admin.get("/admin/erweiterungen/zuruecksetzen");
        assertEquals(200, preview.status());
        assertThat(preview.body(), containsString("wird auf Version " + first + " zurückgesetzt."));
        Matcher snapshot = Pattern.compile("name=\"id\" value=\"([0-9]+)\"").matcher(preview.body());
        assertTrue(snapshot.find());
        Visitor.Page rolledBack = admin.post("/admin/erweiterungen/zuruecksetzen", Map.of("_csrf",
                preview.csrfToken(), "id", snapshot.group(1), "bestaetigt", "ja"));

        assertEquals(rolledBack.body(), 200, rolledBack.status());
        assertThat(rolledBack.body(), containsString("ist wiederhergestellt"));
        assertEquals(first, installedBundle(EVENTS).getVersion().toString());
        waitFor("the first version answers again", () -> get("/veranstaltungen").body()
                .contains("Modul Veranstaltungen, Version " + first));
        assertTrue(count("SELECT COUNT(*) FROM auth_audit WHERE event = 'ROLLBACK' AND actor = ?", ADMIN) >= 1);
    }

    /** A JAR whose import nobody offers is refused with the package and range named; nothing is installed. */
    @Test
    public void a_jar_with_an_unresolvable_import_is_refused_naming_the_package() {
        int bundles = context.getBundles().length;

        Visitor.Page refused = upload("unresolvable.jar");

        assertEquals(422, refused.status());
        assertThat(refused.body(), containsString("Braucht Paket de.example.missing in Version ≥ 1.2 und &lt; 2, das "
                + "kein installiertes Modul anbietet."));
        assertThat(refused.body(), containsString("Es hat sich nichts geändert."));
        assertEquals(bundles, context.getBundles().length);
        assertEquals(0, count("SELECT COUNT(*) FROM admin_snapshot WHERE reason LIKE '%unresolvable%'"));
    }

    /** Files that are no bundle are refused in plain German. */
    @Test
    public void files_that_are_no_bundle_are_refused() {
        int bundles = context.getBundles().length;

        Visitor.Page text = upload("notes.jar");
        assertEquals(422, text.status());
        assertThat(text.body(), containsString("kein"));
        assertThat(text.body(), containsString("JAR-Archiv"));
        Visitor.Page plain = upload("plain.jar");
        assertEquals(422, plain.status());
        assertThat(plain.body(), containsString("Die Datei ist kein OSGi-Modul"));
        assertEquals(bundles, context.getBundles().length);
    }

    /** A ZIP bomb, a lying manifest, a throwing activator and a taken route: clear messages, the portal serves on. */
    @Test
    public void hostile_and_broken_bundles_are_refused_and_the_portal_keeps_serving() {
        int bundles = context.getBundles().length;

        assertThat(upload("bomb.jar").body(), containsString("ZIP-Bombe"));
        Visitor.Page lying = upload("lying.jar");
        assertThat(lying.body(), containsString("Das Manifest nennt die Startklasse de.lies.Starter, die in der Datei fehlt."));
        assertThat(lying.body(), containsString("Das Manifest bietet das Paket de.lies.api an, das in der Datei fehlt."));
        Visitor.Page throwing = upload("throwing.jar");
        assertThat(throwing.body(), containsString("Seine Startklasse meldet einen Fehler"));
        assertThat(throwing.body(), containsString("Absichtlicher Fehler beim Start"));
        Visitor.Page collision = upload("collision.jar");
        assertThat(collision.body(), containsString("beansprucht die Adresse /impressum, die schon ein anderes Modul bedient"));

        assertEquals(bundles, context.getBundles().length);
        Response imprint = get("/impressum");
        assertEquals(200, imprint.status());
        assertThat(imprint.body(), not(containsString("gekapert")));
        assertThat(imprint.body(), containsString("<h1>Impressum</h1>"));
        assertEquals(200, get("/").status());
        assertEquals("UP", health().path("status").asText());
    }

    /** A 200 MB upload is refused with the limit named, before the portal reads it. */
    @Test
    public void a_200_mb_upload_is_refused_with_a_clear_message() throws Exception {
        long size = 200L * 1024 * 1024;
        String token = admin.get("/admin/erweiterungen").csrfToken();
        int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/admin/erweiterungen/hochladen?_csrf=" + token))
                .header("Cookie", Visitor.SESSION + "=" + admin.cookie(Visitor.SESSION) + "; " + Visitor.CSRF + "="
                        + admin.cookie(Visitor.CSRF))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(zeros(size), size))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedWhileSending) {
            // the server may answer and close before the client has sent everything: then check it still serves
            response = null;
        }
        if (response != null) {
            assertEquals(413, response.statusCode());
            assertThat(response.body(), containsString("Die Datei ist größer als 64 MB"));
        }
        assertEquals(200, get("/").status());
        assertEquals(200, admin.get("/admin/erweiterungen").status());
    }

    /** The portal's core, the accounts module and this page cannot be stopped or removed from here. */
    @Test
    public void core_accounts_and_admin_bundles_cannot_be_stopped_or_removed() {
        for (String name : new String[] {"de.ringportal.core", "de.ringportal.auth", "de.ringportal.admin"}) {
            long id = installedBundle(name).getBundleId();
            String row = section(admin.get("/admin/erweiterungen").body(), "<tr id=\"bundle-" + id + "\"", "</tr>");
            assertThat(row, containsString("Kernbestandteil"));
            assertThat(row, not(containsString("Stoppen")));
            assertEquals(409, admin.get("/admin/erweiterungen/aktion?aktion=stoppen&id=" + id).status());
            Visitor.Page stop = confirm("stoppen", id, null);
            assertThat(stop.body(), containsString("lässt sich hier nicht stoppen, ändern oder entfernen"));
            Visitor.Page remove = confirm("entfernen", id, null);
            assertThat(remove.body(), containsString("lässt sich hier nicht stoppen, ändern oder entfernen"));
            assertEquals(Bundle.ACTIVE, installedBundle(name).getState());
        }
    }

    /** Stopping and starting a module works through the confirmation step and is audited. */
    @Test
    public void a_module_can_be_stopped_and_started_again() {
        upload("events.jar");
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        long id = installedBundle(EVENTS).getBundleId();

        assertThat(confirm("stoppen", id, null).body(), containsString("ist gestoppt"));
        assertEquals(404, get("/veranstaltungen").status());
        assertThat(confirm("starten", id, null).body(), containsString("ist gestartet"));
        waitFor("/veranstaltungen answers 200 again", () -> get("/veranstaltungen").status() == 200);
        assertTrue(count("SELECT COUNT(*) FROM auth_audit WHERE event = 'MODULE_STOPPED'") >= 1);
    }

    /** Everybody but administrators gets 403 (or the login page) on every page and action. */
    @Test
    public void non_administrators_are_refused_on_every_action() throws IOException {
        createAccount(EDITOR, "Redaktion Test", null, Role.REDAKTION);
        Visitor editor = visitor();
        assertEquals(303, editor.login(EDITOR, PASSWORD, "/").status());
        String token = editor.get("/").csrfToken();
        long core = installedBundle("de.ringportal.site").getBundleId();

        assertEquals(403, editor.get("/admin/erweiterungen").status());
        assertEquals(403, editor.get("/admin/erweiterungen/aktion?aktion=stoppen&id=" + core).status());
        assertEquals(403, editor.get("/admin/erweiterungen/zuruecksetzen").status());
        assertEquals(403, editor.get("/admin/erweiterungen/konfiguration").status());
        assertEquals(403, editor.post("/admin/erweiterungen/aktion", Map.of("_csrf", token, "aktion", "stoppen",
                "id", Long.toString(core), "bestaetigt", "ja")).status());
        assertEquals(403, editor.post("/admin/erweiterungen/zuruecksetzen", Map.of("_csrf", token, "id", "1",
                "bestaetigt", "ja")).status());
        assertEquals(403, editor.post("/admin/erweiterungen/konfiguration", Map.of("_csrf", token, "pid",
                "de.ringportal.auth.internal.LoginService", "maxFailures", "1")).status());
        assertEquals(403, editor.postFile("/admin/erweiterungen/hochladen?_csrf=" + token, Map.of("_csrf", token), "datei", "events.jar",
                Files.readAllBytes(file("events.jar"))).status());
        Visitor anonymous = visitor();
        Visitor.Page login = anonymous.get("/admin/erweiterungen");
        assertEquals(302, login.status());
        assertThat(login.header("Location"), containsString("/anmelden"));
        assertEquals(Bundle.ACTIVE, installedBundle("de.ringportal.site").getState());
        assertEquals(0, count("SELECT COUNT(*) FROM auth_audit WHERE actor = ? AND event LIKE 'MODULE_%'", EDITOR));
    }

    /** A form sent without its CSRF token changes nothing. */
    @Test
    public void a_missing_csrf_token_is_refused() throws IOException {
        long site = installedBundle("de.ringportal.site").getBundleId();

        assertEquals(403, admin.post("/admin/erweiterungen/aktion", Map.of("aktion", "stoppen", "id",
                Long.toString(site), "bestaetigt", "ja")).status());
        assertEquals(403, admin.postFile("/admin/erweiterungen/hochladen", Map.of(), "datei", "events.jar",
                Files.readAllBytes(file("events.jar"))).status());
        assertEquals(Bundle.ACTIVE, installedBundle("de.ringportal.site").getState());
        assertNull(bundleOrNull(EVENTS));
    }

    /** A module's settings form saves through Config Admin; a password is stored but never shown back. */
    @Test
    public void settings_form_saves_and_never_shows_a_password() throws Exception {
        Bundle secrets = context.installBundle(file("secrets.jar").toUri().toString());
        try {
            secrets.start();
            waitFor("the settings overview lists the test module", () -> admin.get("/admin/erweiterungen/konfiguration")
                    .body().contains("Testzugang"));
            String overview = admin.get("/admin/erweiterungen/konfiguration").body();
            assertThat(overview, containsString("de.ringportal.auth.internal.LoginService"));
            assertThat("the framework's own settings are not offered", overview,
                    not(containsString("org.apache.felix.http")));
            String pid = "de.ringportal.it.secrets";
            Visitor.Page form = admin.get("/admin/erweiterungen/konfiguration?pid=" + pid);
            assertEquals(200, form.status());
            assertThat(form.body(), containsString("type=\"password\""));

            Visitor.Page saved = admin.post("/admin/erweiterungen/konfiguration", Map.of("_csrf", form.csrfToken(),
                    "pid", pid, "user", "portal", "password", "Geheim-4711", "retries", "5"));
            assertEquals(saved.body(), 200, saved.status());
            assertThat(saved.body(), containsString("Gespeichert"));
            assertThat(saved.body(), not(containsString("Geheim-4711")));
            Configuration stored = awaitService(ConfigurationAdmin.class, null).listConfigurations("(service.pid=" + pid
                    + ")")[0];
            assertEquals("Geheim-4711", stored.getProperties().get("password"));
            assertEquals(5, stored.getProperties().get("retries"));
            assertThat(admin.get("/admin/erweiterungen/konfiguration?pid=" + pid).body(), not(containsString("Geheim-4711")));

            // an empty password field keeps the secret; a number out of range is refused with a message
            admin.post("/admin/erweiterungen/konfiguration", Map.of("_csrf", form.csrfToken(), "pid", pid, "user",
                    "portal", "password", "", "retries", "6"));
            assertEquals("Geheim-4711", awaitService(ConfigurationAdmin.class, null).listConfigurations(
                    "(service.pid=" + pid + ")")[0].getProperties().get("password"));
            Visitor.Page invalid = admin.post("/admin/erweiterungen/konfiguration", Map.of("_csrf", form.csrfToken(),
                    "pid", pid, "user", "portal", "password", "", "retries", "viele"));
            assertEquals(422, invalid.status());
            assertThat(invalid.body(), containsString("Bitte eine Zahl eingeben"));
            assertTrue(count("SELECT COUNT(*) FROM auth_audit WHERE event = 'CONFIGURATION_CHANGED' AND subject = ? "
                    + "AND detail NOT LIKE '%Geheim%'", pid) >= 2);
        } finally {
            secrets.uninstall();
        }
    }

    /** A setting of the events module takes effect at once, without a restart. */
    @Test
    public void a_changed_setting_takes_effect_without_restart() {
        upload("events.jar");
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        insertEvent("Projekttreffen A");
        insertEvent("Projekttreffen B");
        String pid = "de.ringportal.events.internal.EventsPage";
        Visitor.Page form = admin.get("/admin/erweiterungen/konfiguration?pid=" + pid);
        assertEquals(form.body(), 200, form.status());

        Visitor.Page saved = admin.post("/admin/erweiterungen/konfiguration", Map.of("_csrf", form.csrfToken(),
                "pid", pid, "calendarName", "Termine der Ringe", "pageSize", "5"));
        assertEquals(saved.body(), 200, saved.status());
        waitFor("the calendar has its new name", () -> get("/veranstaltungen/oeffentlich.ics").body()
                .contains("X-WR-CALNAME:Termine der Ringe"));
        // clean up for the other tests of this class
        try {
            Configuration configuration = awaitService(ConfigurationAdmin.class, null).getConfiguration(pid, "?");
            configuration.delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar dropped into the deploy folder is installed and started, a newer one updates it, deleting it removes it. */
    @Test
    public void the_deploy_folder_installs_updates_and_removes_a_module() throws IOException {
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path dropped = deploy.resolve("events.jar");
        try {
            drop(file("events.jar"), dropped);
            waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
            long id = installedBundle(EVENTS).getBundleId();
            String row = section(admin.get("/admin/erweiterungen").body(), "<tr id=\"bundle-" + id + "\"", "</tr>");
            assertThat(row, containsString("Deploy-Ordner"));
            assertThat(row, not(containsString("Entfernen")));
            assertThat(confirm("entfernen", id, null).body(), containsString("kommt aus dem Deploy-Ordner"));

            drop(file("events-0.2.0.jar"), dropped);
            waitFor("the newer jar updates the module", () -> get("/veranstaltungen").body()
                    .contains("Modul Veranstaltungen, Version 0.2.0"));
            assertEquals(id, installedBundle(EVENTS).getBundleId());
        } finally {
            Files.deleteIfExists(dropped);
        }
        waitFor("deleting the jar removes the module", () -> bundleOrNull(EVENTS) == null);
        assertEquals(404, get("/veranstaltungen").status());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Copies beside the folder and moves in whole, so the watcher never sees half a jar. */
    private static void drop(Path source, Path target) throws IOException {
        Path temporary = target.getParent().resolveSibling(target.getFileName() + ".part");
        Files.copy(source, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Visitor.Page upload(String name) {
        try {
            String token = admin.get("/admin/erweiterungen").csrfToken();
            return admin.postFile("/admin/erweiterungen/hochladen?_csrf=" + token, Map.of("_csrf", token), "datei", name,
                    Files.readAllBytes(file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Visitor.Page confirm(String action, long id, String file) {
        String token = admin.get("/admin/erweiterungen").csrfToken();
        Map<String, String> fields = file == null
                ? Map.of("_csrf", token, "aktion", action, "id", Long.toString(id), "bestaetigt", "ja")
                : Map.of("_csrf", token, "aktion", action, "id", Long.toString(id), "datei", file, "bestaetigt", "ja");
        return admin.post("/admin/erweiterungen/aktion", fields);
    }

    private static String pendingFile(Visitor.Page question) {
        Matcher matcher = PENDING.matcher(question.body());
        if (!matcher.find()) {
            throw new AssertionError("No confirmation form for the update:\n" + question.body());
        }
        return matcher.group(1);
    }

    private Path file(String name) {
        return Path.of(context.getProperty(FILES)).resolve(name);
    }

    private Bundle bundleOrNull(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst().orElse(null);
    }

    /** Adds a public event in a week's time, as the Redaktion's form would; returns its id. */
    private int insertEvent(String title) {
        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=events)");
        try (Connection connection = awaitService(DataSource.class, null).getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO events_event (title, starts_at, "
                        + "ends_at, place, ring_id, agenda, created_by, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?, "
                        + "CURRENT_TIMESTAMP)", new String[] {"ID"})) {
            LocalDateTime start = LocalDateTime.now().plusDays(7).withHour(10).withMinute(0).withSecond(0).withNano(0);
            insert.setString(1, title);
            insert.setTimestamp(2, Timestamp.valueOf(start));
            insert.setTimestamp(3, Timestamp.valueOf(start.plusHours(6)));
            insert.setString(4, "Kreishaus Coesfeld");
            insert.setString(5, "Begrüßung\nKennzahlen K1 bis K3");
            insert.setString(6, ADMIN);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request body of {@code size} zero bytes, produced as it is sent. */
    private static Flow.Publisher<ByteBuffer> zeros(long size) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private long sent;
            private boolean done;

            @Override
            public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                    int chunk = (int) Math.min(64 * 1024, size - sent);
                    if (chunk <= 0) {
                        done = true;
                        subscriber.onComplete();
                        return;
                    }
                    sent += chunk;
                    subscriber.onNext(ByteBuffer.allocate(chunk));
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }
}
