package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import de.ringportal.core.testing.PostgresServer;
import de.ringportal.it.Uploads;
import de.ringportal.it.Visitor;
import de.ringportal.it.Visitor.Page;

/**
 * The operator's move with the real jar: a demo portal with a new article and an uploaded report is stopped and
 * backed up with {@code backup FILE} (once for the class). Each move restores a file with {@code restore FILE} into
 * a fresh target and starts the portal there (without demo mode): the same accounts log in with the same passwords,
 * ring memberships and key figure values are the same, the article is there and the report downloads byte for byte.
 * The moves: Derby into a fresh data directory; Derby into a fresh PostgreSQL database (one throwaway
 * {@link PostgresServer} for the class) and the backup made there back into a fresh Derby data directory. A truncated
 * file and a non-empty target are refused with an exit code other than 0.
 */
public class BackupRestoreIT {

    private static final Pattern PASSWORD = Pattern.compile("(demo-redaktion|demo-mitglied)\\s+(\\S+)");
    private static final Pattern ARTICLE = Pattern.compile("^/aktuelles/\\d{4}/[a-z0-9-]+$");
    private static final Pattern REPORT = Pattern.compile("^/berichte/\\d+$");
    private static final Pattern RING_LINK = Pattern.compile("href=\"(/kennzahlen/ring/[A-Za-z0-9_-]+\\?[^\"]*)\"");
    private static final Pattern TABLE = Pattern.compile("<table.*?</table>", Pattern.DOTALL);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    private static final String TITLE = "Umzugstest Nachricht";
    private static final String DATABASE = "umzug";

    /** What the demo portal held before its backup, to be found again after each move. */
    private static Map<String, String> passwords;
    private static String article;
    private static String report;
    private static byte[] pdf;
    private static List<String> ringTables;
    /** The backup of the stopped demo portal on Derby. */
    private static Path derbyBackup;
    private static PostgresServer server;

    private PortalProcess portal;

    @BeforeClass
    public static void backUpADemoPortalWithAnArticleAndAReport() throws Exception {
        server = PostgresServer.startWithPassword("BackupRestoreIT");
        Path source = PortalProcess.newHome("BackupRestoreIT-quelle");
        PortalProcess demo = PortalProcess.start(source, Map.of("RINGPORTAL_DEMO", "true"));
        try {
            demo.await("the demo accounts and key figures exist", PortalProcess.START_TIMEOUT,
                    () -> demo.output().contains("synthetic key figure values") && passwords(demo).size() == 2);
            passwords = passwords(demo);

            Visitor editor = loggedIn(demo, "demo-redaktion");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", editor.get("/aktuelles/redaktion/neu").csrfToken());
            fields.put("titel", TITLE);
            fields.put("anreisser", "Vor der Sicherung geschrieben.");
            fields.put("text", "Sie muss nach dem Umzug noch da sein: äöü ß €.");
            fields.put("datum", "");
            fields.put("status", "published");
            fields.put("aktion", "speichern");
            Page saved = editor.post("/aktuelles/redaktion/neu", fields);
            article = saved.header("Location");
            assertTrue(saved.status() + " " + article, saved.status() == 303 && ARTICLE.matcher(article).matches());
            pdf = Uploads.pdfOfSize("Umzugstest Bericht", 300 * 1024);
            Page uploaded = Uploads.post(editor, demo.port(), "/berichte/neu", List.of("titel", "Umzugstest Bericht",
                    "jahr", "2025", "beschreibung", "Vor der Sicherung hochgeladen.", "zielgruppe", "oeffentlich"),
                    "umzug.pdf", pdf);
            report = uploaded.header("Location");
            assertTrue(uploaded.status() + " " + report,
                    uploaded.status() == 303 && REPORT.matcher(report).matches());
            ringTables = ringTables(loggedIn(demo, "demo-mitglied"));
            assertTrue("the demo member sees ring tables with values", !ringTables.isEmpty());
            demo.stop();
        } finally {
            demo.close();
        }

        derbyBackup = source.resolve("sicherung.zip");
        PortalProcess.Finished backup = PortalProcess.run(COMMAND_TIMEOUT, "backup", derbyBackup.toString(),
                "--data-dir", source.resolve("data").toString());
        assertEquals(backup.stderr(), 0, backup.exitCode());
        assertThat(backup.stdout(), containsString("Sicherung geschrieben"));
    }

    @AfterClass
    public static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @After
    public void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    public void backup_of_a_stopped_portal_restores_into_a_fresh_data_directory_with_everything_working()
            throws Exception {
        Path truncated = derbyBackup.resolveSibling("abgeschnitten.zip");
        byte[] whole = Files.readAllBytes(derbyBackup);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path refusedHome = PortalProcess.newHome("BackupRestoreIT-abgelehnt");
        PortalProcess.Finished refused = PortalProcess.run(COMMAND_TIMEOUT, "restore", truncated.toString(),
                "--data-dir", refusedHome.resolve("data").toString());
        assertNotEquals(0, refused.exitCode());
        assertThat(refused.stderr(), containsString("keine vollständige Sicherung"));

        Path target = PortalProcess.newHome("BackupRestoreIT-ziel");
        restore(derbyBackup, target, Map.of());
        PortalProcess.Finished again = PortalProcess.run(COMMAND_TIMEOUT, "restore", derbyBackup.toString(),
                "--data-dir", target.resolve("data").toString());
        assertNotEquals(0, again.exitCode());
        assertThat(again.stderr(), containsString("nicht leer"));

        portal = PortalProcess.start(target);
        assertEverythingMoved(portal);
    }

    /**
     * Derby → PostgreSQL → Derby, as a site that outgrew Derby moves (and back): the Derby backup restored into a
     * fresh PostgreSQL database (a second restore there is refused), the portal started on it passes the checks; a
     * backup made there, restored into a fresh Derby data directory, passes them again.
     */
    @Test
    public void backup_moves_from_derby_to_postgresql_and_back_with_everything_working() throws Exception {
        server.createDatabase(DATABASE);
        Map<String, String> postgres = Map.of("RINGPORTAL_DB_URL", server.url(DATABASE),
                "RINGPORTAL_DB_USER", PostgresServer.USER, "RINGPORTAL_DB_PASSWORD", PostgresServer.PASSWORD);
        Path onPostgres = PortalProcess.newHome("BackupRestoreIT-postgres");
        restore(derbyBackup, onPostgres, postgres);
        PortalProcess.Finished again = PortalProcess.run(COMMAND_TIMEOUT, postgres, "restore",
                derbyBackup.toString(), "--data-dir", onPostgres.resolve("data").toString());
        assertNotEquals(0, again.exitCode());
        assertThat(again.stderr(), containsString("nicht leer"));

        portal = PortalProcess.start(onPostgres, postgres);
        portal.await("the launcher names the PostgreSQL database", PortalProcess.START_TIMEOUT,
                () -> portal.output().contains("Datenbank: " + server.url(DATABASE)));
        assertFalse("no Derby database in the data directory", Files.exists(portal.dataDir().resolve("db")));
        assertEverythingMoved(portal);
        portal.stop();
        portal = null;

        Path postgresBackup = onPostgres.resolve("sicherung-postgres.zip");
        PortalProcess.Finished backup = PortalProcess.run(COMMAND_TIMEOUT, postgres, "backup",
                postgresBackup.toString(), "--data-dir", onPostgres.resolve("data").toString());
        assertEquals(backup.stderr(), 0, backup.exitCode());
        assertThat(backup.stdout(), containsString("Sicherung geschrieben"));

        Path backOnDerby = PortalProcess.newHome("BackupRestoreIT-zurueck");
        restore(postgresBackup, backOnDerby, Map.of());
        portal = PortalProcess.start(backOnDerby);
        portal.await("the launcher names the embedded database", PortalProcess.START_TIMEOUT,
                () -> portal.output().contains("Datenbank: eingebettet"));
        assertEverythingMoved(portal);
    }

    /** {@code restore FILE} into {@code home}'s data directory (and the database {@code environment} names). */
    private static void restore(Path file, Path home, Map<String, String> environment) throws Exception {
        PortalProcess.Finished restore = PortalProcess.run(COMMAND_TIMEOUT, environment, "restore", file.toString(),
                "--data-dir", home.resolve("data").toString());
        assertEquals(restore.stderr(), 0, restore.exitCode());
        assertThat(restore.stdout(), containsString("eingespielt"));
    }

    /**
     * The checks after a move: the demo accounts log in with the original passwords, the article shows, the report
     * downloads byte for byte and the member's ring tables are the same as before the backup.
     */
    private static void assertEverythingMoved(PortalProcess restored) throws Exception {
        Visitor editor = loggedIn(restored, "demo-redaktion");
        Page page = editor.get(article);
        assertEquals(article, 200, page.status());
        assertThat(page.body(), containsString(TITLE));
        Uploads.Download download = Uploads.download(editor, restored.port(), report + "/datei");
        assertEquals(200, download.status());
        assertArrayEquals(pdf, download.body());
        assertEquals(ringTables, ringTables(loggedIn(restored, "demo-mitglied")));
    }

    /** The demo passwords the first start printed. */
    private static Map<String, String> passwords(PortalProcess demo) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher line = PASSWORD.matcher(demo.output());
        while (line.find()) {
            found.put(line.group(1), line.group(2));
        }
        return found;
    }

    private static Visitor loggedIn(PortalProcess on, String user) {
        Visitor visitor = new Visitor(on.port());
        Page login = visitor.login(user, passwords.get(user), "/");
        assertEquals(user + ": " + login.body(), 303, login.status());
        return visitor;
    }

    /** The key figure tables of every ring the member's overview links: members, values, in the page's order. */
    private static List<String> ringTables(Visitor member) {
        Page overview = member.get("/kennzahlen");
        assertEquals(200, overview.status());
        List<String> tables = new ArrayList<>();
        Matcher link = RING_LINK.matcher(overview.body());
        while (link.find()) {
            Page ring = member.get(link.group(1).replace("&amp;", "&"));
            assertEquals(link.group(1), 200, ring.status());
            Matcher table = TABLE.matcher(ring.body());
            while (table.find()) {
                tables.add(table.group());
            }
        }
        return tables;
    }
}
