package de.ringportal.admin.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.backup.Backups;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;

/**
 * The Sicherung page in a real Jetty with the real templates: a confirmation step before a backup starts, a page that
 * reloads itself while it runs, the download of the finished file, both audited; everyone but administrators 403.
 */
public class BackupPageJettyTest {

    private static final Instant STARTED = Instant.parse("2026-12-04T17:00:00Z");

    private final Access access = mock(Access.class);
    private final Backups backups = mock(Backups.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private TestJetty jetty;

    @Before
    public void start() throws Exception {
        when(access.mayAdminister(any())).thenReturn(true);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> {
            if (!(boolean) call.getArgument(2)) {
                ((jakarta.servlet.http.HttpServletResponse) call.getArgument(1)).sendError(403);
            }
            return call.getArgument(2);
        });
        when(access.viewer(any())).thenReturn(new Viewer("admin", "Admin", null, Set.of(Role.ADMINISTRATION)));
        when(backups.state()).thenReturn(new Backups.State(Backups.Phase.NONE, null, null, "", 0, ""));
        BackupPage page = new BackupPage(access, TestViews.of(BackupPage.class), backups, audit);
        jetty = TestJetty.start(handler -> handler.addServlet(new ServletHolder(page), "/admin/sicherung/*"));
    }

    @After
    public void stop() throws Exception {
        jetty.close();
    }

    /** The button leads to a question first; only the confirmed POST starts the backup, and it is audited. */
    @Test
    public void backup_starts_only_after_the_confirmation_and_is_audited() throws Exception {
        assertThat(jetty.get("/admin/sicherung").body(), containsString("href=\"/admin/sicherung/erstellen\""));
        HttpResponse<String> question = jetty.get("/admin/sicherung/erstellen");
        assertThat(question.body(), containsString("Soll jetzt eine Sicherung erstellt werden?"));
        assertThat(question.body(), containsString("name=\"bestaetigt\" value=\"ja\""));

        assertEquals(400, jetty.post("/admin/sicherung/erstellen").statusCode());
        verify(backups, never()).start();

        when(backups.start()).thenReturn(new Backups.State(Backups.Phase.RUNNING, STARTED, null, "s.zip", 0, ""));
        HttpResponse<String> started = jetty.post("/admin/sicherung/erstellen", "bestaetigt", "ja");
        assertEquals(303, started.statusCode());
        assertEquals("/admin/sicherung", started.headers().firstValue("Location").orElse("").replaceAll(
                "^https?://[^/]+", ""));
        verify(audit).record(any(), eq("Sicherung erstellt"), eq("s.zip"), eq(""));
    }

    /** While it runs the page says what it does and asks the browser to reload it (no script). */
    @Test
    public void running_backup_page_reloads_itself_and_shows_the_step() throws Exception {
        when(backups.state()).thenReturn(new Backups.State(Backups.Phase.RUNNING, STARTED, null, "s.zip", 0,
                "Tabelle 3 von 25: news_article"));

        HttpResponse<String> page = jetty.get("/admin/sicherung");

        assertEquals("2", page.headers().firstValue("Refresh").orElse(""));
        assertThat(page.body(), containsString("Tabelle 3 von 25: news_article"));
        assertThat(page.body(), not(containsString("<script")));
        assertThat(page.body(), not(containsString("/admin/sicherung/erstellen\"")));
    }

    /** The finished file downloads whole, as an attachment, and the download is audited. */
    @Test
    public void finished_backup_downloads_as_attachment() throws Exception {
        Path file = Files.createTempFile("ringportal-sicherung-", ".zip");
        Files.write(file, new byte[] { 'P', 'K', 3, 4, 0, 1 });
        when(backups.state()).thenReturn(new Backups.State(Backups.Phase.DONE, STARTED, STARTED.plusSeconds(3),
                file.getFileName().toString(), 6, "25 Tabellen mit 100 Zeilen"));
        when(backups.file()).thenReturn(Optional.of(file));

        assertThat(jetty.get("/admin/sicherung").body(), containsString("href=\"/admin/sicherung/datei\""));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                jetty.uri("/admin/sicherung/datei")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""), containsString("attachment"));
        assertArrayEquals(Files.readAllBytes(file), download.body());
        verify(audit).record(any(), eq("Sicherung heruntergeladen"), eq(file.getFileName().toString()), eq(""));
        Files.delete(file);
    }

    /** Not an administrator: 403 for every path, even unknown ones, and nothing starts. */
    @Test
    public void everyone_but_administrators_is_refused() throws Exception {
        when(access.mayAdminister(any())).thenReturn(false);

        assertEquals(403, jetty.get("/admin/sicherung").statusCode());
        assertEquals(403, jetty.get("/admin/sicherung/gibtsnicht").statusCode());
        assertEquals(403, jetty.post("/admin/sicherung/erstellen", "bestaetigt", "ja").statusCode());
        verify(backups, never()).start();
    }
}
