package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Test;

import de.ringportal.it.Uploads;
import de.ringportal.it.Visitor;
import de.ringportal.it.Visitor.Page;

/**
 * The operator's move with the real jar: a demo portal with a new article and an uploaded report is stopped, backed
 * up with {@code backup FILE}, restored with {@code restore FILE} into a fresh data directory and started there
 * (without demo mode): the same accounts log in with the same passwords, ring memberships and key figure values are
 * the same, the article is there and the report downloads byte for byte. A truncated file and a non-empty target are
 * refused with exit code 1.
 */
public class BackupRestoreIT {

    private static final Pattern PASSWORD = Pattern.compile("(demo-redaktion|demo-mitglied)\\s+(\\S+)");
    private static final Pattern ARTICLE = Pattern.compile("^/aktuelles/\\d{4}/[a-z0-9-]+$");
    private static final Pattern REPORT = Pattern.compile("^/berichte/\\d+$");
    private static final Pattern RING_LINK = Pattern.compile("href=\"(/kennzahlen/ring/[A-Za-z0-9_-]+\\?[^\"]*)\"");
    private static final Pattern TABLE = Pattern.compile("<table.*?</table>", Pattern.DOTALL);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private PortalProcess portal;

    @After
    public void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    public void backup_of_a_stopped_portal_restores_into_a_fresh_data_directory_with_everything_working()
            throws Exception {
        Path source = PortalProcess.newHome("BackupRestoreIT-quelle");
        portal = PortalProcess.start(source, Map.of("RINGPORTAL_DEMO", "true"));
        portal.await("the demo accounts and key figures exist", PortalProcess.START_TIMEOUT,
                () -> portal.output().contains("synthetic key figure values") && passwords().size() == 2);
        Map<String, String> passwords = passwords();

        Visitor editor = loggedIn("demo-redaktion", passwords);
        String title = "Umzugstest Nachricht";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", editor.get("/aktuelles/redaktion/neu").csrfToken());
        fields.put("titel", title);
        fields.put("anreisser", "Vor der Sicherung geschrieben.");
        fields.put("text", "Sie muss nach dem Umzug noch da sein: äöü ß €.");
        fields.put("datum", "");
        fields.put("status", "published");
        fields.put("aktion", "speichern");
        Page saved = editor.post("/aktuelles/redaktion/neu", fields);
        String article = saved.header("Location");
        assertTrue(saved.status() + " " + article, saved.status() == 303 && ARTICLE.matcher(article).matches());
        byte[] pdf = Uploads.pdfOfSize("Umzugstest Bericht", 300 * 1024);
        Page uploaded = Uploads.post(editor, portal.port(), "/berichte/neu", List.of("titel", "Umzugstest Bericht",
                "jahr", "2025", "beschreibung", "Vor der Sicherung hochgeladen.", "zielgruppe", "oeffentlich"),
                "umzug.pdf", pdf);
        String report = uploaded.header("Location");
        assertTrue(uploaded.status() + " " + report, uploaded.status() == 303 && REPORT.matcher(report).matches());
        Visitor member = loggedIn("demo-mitglied", passwords);
        List<String> ringTables = ringTables(member);
        assertTrue("the demo member sees ring tables with values", !ringTables.isEmpty());
        portal.stop();
        portal = null;

        Path file = source.resolve("sicherung.zip");
        PortalProcess.Finished backup = PortalProcess.run(COMMAND_TIMEOUT, "backup", file.toString(), "--data-dir",
                source.resolve("data").toString());
        assertEquals(backup.stderr(), 0, backup.exitCode());
        assertThat(backup.stdout(), containsString("Sicherung geschrieben"));

        Path truncated = source.resolve("abgeschnitten.zip");
        byte[] whole = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path refusedHome = PortalProcess.newHome("BackupRestoreIT-abgelehnt");
        PortalProcess.Finished refused = PortalProcess.run(COMMAND_TIMEOUT, "restore", truncated.toString(),
                "--data-dir", refusedHome.resolve("data").toString());
        assertNotEquals(0, refused.exitCode());
        assertThat(refused.stderr(), containsString("keine vollständige Sicherung"));

        Path target = PortalProcess.newHome("BackupRestoreIT-ziel");
        PortalProcess.Finished restore = PortalProcess.run(COMMAND_TIMEOUT, "restore", file.toString(),
                "--data-dir", target.resolve("data").toString());
        assertEquals(restore.stderr(), 0, restore.exitCode());
        assertThat(restore.stdout(), containsString("eingespielt"));
        PortalProcess.Finished again = PortalProcess.run(COMMAND_TIMEOUT, "restore", file.toString(),
                "--data-dir", target.resolve("data").toString());
        assertNotEquals(0, again.exitCode());
        assertThat(again.stderr(), containsString("nicht leer"));

        portal = PortalProcess.start(target);
        Visitor restoredEditor = loggedIn("demo-redaktion", passwords);
        Page page = restoredEditor.get(article);
        assertEquals(article, 200, page.status());
        assertThat(page.body(), containsString(title));
        Uploads.Download download = Uploads.download(restoredEditor, portal.port(), report + "/datei");
        assertEquals(200, download.status());
        assertArrayEquals(pdf, download.body());
        assertEquals(ringTables, ringTables(loggedIn("demo-mitglied", passwords)));
    }

    /** The demo passwords the first start printed. */
    private Map<String, String> passwords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        Matcher found = PASSWORD.matcher(portal.output());
        while (found.find()) {
            passwords.put(found.group(1), found.group(2));
        }
        return passwords;
    }

    private Visitor loggedIn(String user, Map<String, String> passwords) {
        Visitor visitor = new Visitor(portal.port());
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
