package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.ringportal.it.Uploads;
import de.ringportal.it.Visitor;
import de.ringportal.it.Visitor.Page;

/**
 * {@code kill -9} of the packaged portal while the Redaktion saves news and uploads reports from several threads:
 * every write the portal acknowledged is there after the restart, no half file is stored, and the portal comes up
 * by itself (Derby's crash recovery, no repair).
 */
public class KillNineIT {

    private static final Pattern DEMO_EDITOR = Pattern.compile("demo-redaktion\\s+(\\S+)\\s+Demo Redaktion");
    private static final Pattern REPORT = Pattern.compile("^/berichte/\\d+$");
    private static final Pattern ARTICLE = Pattern.compile("^/aktuelles/\\d{4}/[a-z0-9-]+$");
    private static final Map<String, String> DEMO = Map.of("RINGPORTAL_DEMO", "true");
    private static final int WRITERS_PER_KIND = 3;
    /** Acknowledged writes of each kind before the kill, so that the kill falls among running saves. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A save the portal answered with its redirect: the article's or report's address and what was sent. */
    private record Acknowledged(String path, String title, byte[] file) {
    }

    private PortalProcess portal;
    private final AtomicBoolean stopWriting = new AtomicBoolean();
    private final Queue<Acknowledged> articles = new ConcurrentLinkedQueue<>();
    private final Queue<Acknowledged> reports = new ConcurrentLinkedQueue<>();

    @After
    public void stop() throws Exception {
        stopWriting.set(true);
        if (portal != null) {
            portal.close();
        }
    }

    /** Killed among concurrent saves, restarted on the same data: all acknowledged news and reports are there. */
    @Test
    public void acknowledged_writes_survive_kill_9_during_concurrent_saves() throws Exception {
        Path home = PortalProcess.newHome("KillNineIT");
        portal = PortalProcess.start(home, DEMO);
        Visitor editor = loggedInEditor();

        ExecutorService writers = Executors.newFixedThreadPool(2 * WRITERS_PER_KIND);
        for (int i = 0; i < WRITERS_PER_KIND; i++) {
            int writer = i;
            writers.execute(() -> writeNews(editor, writer));
            writers.execute(() -> uploadReports(editor, writer));
        }
        portal.await("writes of both kinds acknowledged", Duration.ofSeconds(30),
                () -> articles.size() >= ACKNOWLEDGED_BEFORE_KILL && reports.size() >= ACKNOWLEDGED_BEFORE_KILL);
        portal.kill();
        stopWriting.set(true);
        writers.shutdown();
        assertTrue("writers did not end after the kill", writers.awaitTermination(60, TimeUnit.SECONDS));
        System.out.printf("KillNineIT: killed after %d acknowledged articles and %d acknowledged reports%n",
                articles.size(), reports.size());

        assertTrue("Derby's lock file is gone: the kill was not a crash",
                Files.exists(portal.dataDir().resolve("db").resolve("db.lck")));

        portal = PortalProcess.start(home, DEMO);
        JsonNode health = JSON.readTree(portal.get("/health").body());
        assertEquals(health.toString(), "UP", health.path("status").asText());

        Visitor reader = loggedInEditor();
        for (Acknowledged article : articles) {
            Page page = reader.get(article.path());
            assertEquals(article.path(), 200, page.status());
            assertThat(page.body(), containsString(article.title()));
        }
        for (Acknowledged report : reports) {
            Uploads.Download file = Uploads.download(reader, portal.port(), report.path() + "/datei");
            assertEquals(report.path(), 200, file.status());
            assertArrayEquals(report.path(), report.file(), file.body());
        }
        assertEveryStoredFileMatchesItsHash(portal.dataDir().resolve("reports").resolve("blobs"));
    }

    private void writeNews(Visitor editor, int writer) {
        for (int n = 0; !stopWriting.get(); n++) {
            String title = "Absturztest Nachricht " + writer + "-" + n;
            Map<String, String> fields = new LinkedHashMap<>();
            try {
                fields.put("_csrf", editor.get("/aktuelles/redaktion/neu").csrfToken());
            } catch (UncheckedIOException | AssertionError killed) {
                return;
            }
            fields.put("titel", title);
            fields.put("anreisser", "Geschrieben, während das Portal abstürzt.");
            fields.put("text", "Absatz " + n + " von Schreiber " + writer + ".");
            fields.put("datum", "");
            fields.put("status", "published");
            fields.put("aktion", "speichern");
            if (!acknowledge(() -> editor.post("/aktuelles/redaktion/neu", fields), ARTICLE, articles, title, null)) {
                return;
            }
        }
    }

    private void uploadReports(Visitor editor, int writer) {
        for (int n = 0; !stopWriting.get(); n++) {
            String title = "Absturztest Bericht " + writer + "-" + n;
            byte[] file = Uploads.pdfOfSize(title, 128 * 1024 + 1024 * n);
            List<String> fields = List.of("titel", title, "jahr", "2025", "beschreibung", "Beim Absturz hochgeladen.",
                    "zielgruppe", "oeffentlich");
            String fileName = "absturz-" + writer + "-" + n + ".pdf";
            if (!acknowledge(() -> Uploads.post(editor, portal.port(), "/berichte/neu", fields, fileName, file),
                    REPORT, reports, title, file)) {
                return;
            }
        }
    }

    /**
     * Sends one save; a 303 to the expected kind of address is an acknowledged write. False once the portal is gone
     * (the connection fails): the writer stops.
     */
    private static boolean acknowledge(java.util.function.Supplier<Page> save, Pattern location,
            Queue<Acknowledged> acknowledged, String title, byte[] file) {
        Page answer;
        try {
            answer = save.get();
        } catch (UncheckedIOException killed) {
            return false;
        }
        String target = answer.header("Location");
        if (answer.status() == 303 && target != null && location.matcher(target).matches()) {
            acknowledged.add(new Acknowledged(target, title, file));
        }
        return true;
    }

    /** The demo Redaktion account, with the password this start printed. */
    private Visitor loggedInEditor() throws InterruptedException {
        portal.await("the demo accounts are printed", Duration.ofSeconds(30),
                () -> DEMO_EDITOR.matcher(portal.output()).find());
        Matcher password = DEMO_EDITOR.matcher(portal.output());
        assertTrue(password.find());
        Visitor editor = new Visitor(portal.port());
        Page login = editor.login("demo-redaktion", password.group(1), "/");
        assertEquals(login.body(), 303, login.status());
        // one page after login, as a person sees before saving: the browser then holds the session's form token,
        // and the concurrent writers do not each race to be issued one
        assertEquals(200, editor.get("/berichte/neu").status());
        return editor;
    }

    /** Every file in the store is whole: named by the SHA-256 of exactly its bytes. */
    private static void assertEveryStoredFileMatchesItsHash(Path blobs) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(blobs)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertTrue("no stored files under " + blobs, !files.isEmpty());
        for (Path file : files) {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(readAll(file)));
            assertEquals("half or altered file " + file, file.getFileName().toString(), hash);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
