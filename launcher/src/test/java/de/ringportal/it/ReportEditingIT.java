package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;

/**
 * Editing and deleting reports in the running portal: a changed audience takes effect at once for page, download,
 * list and (asynchronously) search; moderators edit only their own rings' reports and cannot widen them; deletion
 * asks first, needs the CSRF token, and removes exactly the files no other report shares. Landkreis Biberach
 * (08426) is in ring 3, Kreis Coesfeld (05558) in ring 4, this year.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportEditingIT extends AuthTestSupport {

    private static final String EDITOR = "bearbeiten-redaktion";
    private static final String MODERATOR = "bearbeiten-moderation";
    private static final String MEMBER = "bearbeiten-mitglied";
    private static final String OTHER_MEMBER = "bearbeiten-ring4";
    private static final Pattern REPORT_PATH = Pattern.compile("/berichte/([0-9]+)");

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Before
    public void ringsAndAccounts() {
        registrations.add(ringsThisYear(Map.of("08426", "3", "05558", "4")));
        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=reports)");
        createAccount(EDITOR, "Bearbeiten Redaktion", null, Role.REDAKTION);
        createAccount(MODERATOR, "Bearbeiten Moderation", "08426", Role.RINGMODERATION);
        createAccount(MEMBER, "Bearbeiten Mitglied", "08426", Role.RINGMITGLIED);
        createAccount(OTHER_MEMBER, "Bearbeiten Ring 4", "05558", Role.RINGMITGLIED);
        waitFor("/berichte answers", () -> get("/berichte").status() == 200);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /**
     * The Redaktion turns a public report into a ring-3 report with a new title: at once visitors lose page, file,
     * old version and list entry (login redirect; 403 for another ring), search drops it for visitors and finds it
     * under its new title for ring 3; the audit log says who changed what.
     */
    @Test
    public void editor_changes_title_and_audience_and_visitors_lose_access() {
        Visitor editor = loggedIn(EDITOR);
        String path = filed(editor, fields("Öffentlicher Wohnkostenbericht", "2025", "oeffentlich"), "w.pdf",
                Uploads.pdf("Unterkunftsrichtwerte"));
        Page newVersion = Uploads.post(editor, port(), path + "/neue-version", List.of(), "w2.pdf",
                Uploads.pdf("Unterkunftsrichtwerte zweite"));
        assertEquals(303, newVersion.status());
        Visitor visitor = visitor();
        waitFor("the public report is found by visitors",
                () -> search(visitor, "Unterkunftsrichtwerte").contains(path + "\""));
        assertEquals(200, visitor.get(path).status());
        assertEquals(200, Uploads.download(visitor, port(), path + "/datei").status());

        Page form = editor.get(path + "/bearbeiten");
        assertEquals(200, form.status());
        assertThat(form.body(), containsString("value=\"Öffentlicher Wohnkostenbericht\""));
        Page saved = editor.postRaw(path + "/bearbeiten", encode(form.csrfToken(),
                fields("Interner Wohnkostenbericht für Ring drei", "2024", "ringe", "ring", "3")));
        assertEquals(saved.body(), 303, saved.status());
        assertEquals(path + "?hinweis=gespeichert", saved.header("Location"));
        assertThat(editor.get(path + "?hinweis=gespeichert").body(),
                containsString("Die Angaben zum Bericht sind gespeichert."));

        for (String each : List.of(path, path + "/datei", path + "/versionen/1/datei", path + "/versionen/2/datei")) {
            Page anonymous = visitor.get(each);
            assertEquals(each, 302, anonymous.status());
            assertThat(anonymous.header("Location"), containsString("/anmelden"));
            assertEquals(each, 403, loggedIn(OTHER_MEMBER).get(each).status());
        }
        assertThat(visitor.get("/berichte").body(), not(containsString("Wohnkostenbericht")));
        assertThat(loggedIn(OTHER_MEMBER).get("/berichte").body(), not(containsString("Wohnkostenbericht")));
        Visitor member = loggedIn(MEMBER);
        assertThat(member.get("/berichte").body(), containsString("Interner Wohnkostenbericht für Ring drei"));
        assertEquals(200, Uploads.download(member, port(), path + "/datei").status());

        waitFor("the search follows the new audience", () -> !search(visitor, "Unterkunftsrichtwerte")
                .contains(path + "\"") && search(member, "Unterkunftsrichtwerte").contains("Interner Wohnkostenbericht"));
        assertThat(search(loggedIn(OTHER_MEMBER), "Unterkunftsrichtwerte"), not(containsString(path + "\"")));

        assertEquals(1, count("SELECT COUNT(*) FROM auth_audit WHERE actor = ? AND detail LIKE ? AND detail LIKE ?",
                EDITOR, "Bericht geändert:%", "%Zielgruppe: Öffentlich → %"));

        // an embargo set by editing: the report does not exist for its ring's members until then
        Page embargo = editor.postRaw(path + "/bearbeiten", encode(editor.get(path + "/bearbeiten").csrfToken(),
                fields("Interner Wohnkostenbericht für Ring drei", "2024", "ringe", "ring", "3", "freigabe",
                        (Year.now().getValue() + 1) + "-01-31")));
        assertEquals(303, embargo.status());
        assertEquals(404, member.get(path).status());
        assertEquals(404, Uploads.download(member, port(), path + "/datei").status());
    }

    /** Refused input: German messages next to the fields, 422, everything as typed, nothing stored. */
    @Test
    public void invalid_input_is_shown_again_with_messages_and_nothing_changes() {
        Visitor editor = loggedIn(EDITOR);
        String path = filed(editor, fields("Prüfbericht", "2025", "oeffentlich"), "p.pdf", Uploads.pdf("Pruef"));
        String token = editor.get(path + "/bearbeiten").csrfToken();

        Page refused = editor.postRaw(path + "/bearbeiten", encode(token, List.of("titel", "", "jahr", "20x",
                "beschreibung", "Getippter Text bleibt", "zielgruppe", "ringe", "freigabe", "morgen")));

        assertEquals(422, refused.status());
        assertThat(refused.body(), containsString("Bitte geben Sie einen Titel ein."));
        assertThat(refused.body(), containsString("Bitte geben Sie das Berichtsjahr vierstellig ein"));
        assertThat(refused.body(), containsString("Bitte wählen Sie mindestens einen Vergleichsring."));
        assertThat(refused.body(), containsString("Bitte geben Sie das Freigabedatum als Datum ein"));
        assertThat(refused.body(), containsString(">Getippter Text bleibt</textarea>"));
        assertThat(refused.body(), containsString("value=\"20x\""));
        assertThat(refused.body(), containsString("value=\"morgen\""));
        assertThat(refused.body(), containsString("aria-invalid=\"true\" aria-describedby=\"fehler-titel\""));
        assertEquals(1, count("SELECT COUNT(*) FROM reports_report WHERE id = ? AND title = ? AND report_year = 2025",
                id(path), "Prüfbericht"));
    }

    /**
     * A ring-3 moderator: 403 for the edit and delete pages of a ring-5 and a public report (GET and POST, nothing
     * changes); on his own report he may change the title but not address ring 5 or everyone. Members and anonymous
     * visitors get 403 and the login.
     */
    @Test
    public void moderator_edits_only_own_ring_reports_and_cannot_widen_them() {
        Visitor editor = loggedIn(EDITOR);
        String ring5 = filed(editor, fields("Bericht für Ring fünf", "2025", "ringe", "ring", "5"), "r5.pdf",
                Uploads.pdf("Ring fuenf"));
        String open = filed(editor, fields("Öffentlicher Bericht der Redaktion", "2025", "oeffentlich"), "o.pdf",
                Uploads.pdf("Offen"));
        Visitor moderator = loggedIn(MODERATOR);
        String token = moderator.cookie(Visitor.CSRF);
        for (String each : List.of(ring5, open)) {
            assertEquals(each, 403, moderator.get(each + "/bearbeiten").status());
            assertEquals(each, 403, moderator.get(each + "/loeschen").status());
            assertEquals(each, 403, moderator.postRaw(each + "/bearbeiten", encode(token,
                    fields("Übernommen", "2025", "ringe", "ring", "3"))).status());
            assertEquals(each, 403, moderator.postRaw(each + "/loeschen", encode(token, List.of())).status());
        }
        assertEquals(1, count("SELECT COUNT(*) FROM reports_report WHERE id = ? AND title = ?", id(ring5),
                "Bericht für Ring fünf"));
        assertEquals(1, count("SELECT COUNT(*) FROM reports_report WHERE id = ? AND title = ?", id(open),
                "Öffentlicher Bericht der Redaktion"));
        assertEquals(1, count("SELECT COUNT(*) FROM reports_ring WHERE report_id = ?", id(ring5)));
        assertEquals(0, count("SELECT COUNT(*) FROM reports_ring WHERE report_id = ?", id(open)));
        assertThat(moderator.get(open).body(), not(containsString("/bearbeiten\"")));

        String own = filed(moderator, fields("Ringbericht der Moderation", "2025", "ringe", "ring", "3"), "m.pdf",
                Uploads.pdf("Moderation"));
        Page page = moderator.get(own);
        assertThat(page.body(), containsString("href=\"" + own + "/bearbeiten\""));
        assertThat(page.body(), containsString("href=\"" + own + "/loeschen\""));
        Page form = moderator.get(own + "/bearbeiten");
        assertEquals(200, form.status());
        assertThat("no public choice for moderators", form.body(), not(containsString("value=\"oeffentlich\"")));

        Page wider = moderator.postRaw(own + "/bearbeiten", encode(token,
                fields("Ringbericht der Moderation", "2025", "ringe", "ring", "3", "ring", "5")));
        assertEquals(422, wider.status());
        assertThat(wider.body(), containsString("Sie dürfen nur für Ihre eigenen Vergleichsringe Berichte einstellen."));
        Page toPublic = moderator.postRaw(own + "/bearbeiten", encode(token,
                fields("Ringbericht der Moderation", "2025", "oeffentlich")));
        assertEquals(422, toPublic.status());
        assertThat(toPublic.body(), containsString("Öffentliche Berichte stellt nur die Redaktion ein."));
        assertEquals(1, count("SELECT COUNT(*) FROM reports_ring WHERE report_id = ?", id(own)));
        assertEquals(1, count("SELECT COUNT(*) FROM reports_ring WHERE report_id = ? AND ring_id = '3'", id(own)));

        Page renamed = moderator.postRaw(own + "/bearbeiten", encode(token,
                fields("Ringbericht der Moderation, berichtigt", "2025", "ringe", "ring", "3")));
        assertEquals(303, renamed.status());
        assertEquals(1, count("SELECT COUNT(*) FROM reports_report WHERE id = ? AND title = ?", id(own),
                "Ringbericht der Moderation, berichtigt"));

        Visitor member = loggedIn(MEMBER);
        assertEquals(403, member.get(own + "/bearbeiten").status());
        assertEquals(403, member.get(own + "/loeschen").status());
        assertThat(member.get(own).body(), not(containsString("/loeschen\"")));
        Page anonymous = visitor().get(open + "/bearbeiten");
        assertEquals(302, anonymous.status());
        assertThat(anonymous.header("Location"), containsString("/anmelden"));
    }

    /**
     * Deleting asks first (nothing happens on GET), refuses a POST without the CSRF token, then removes record,
     * versions, download audit and the unshared file; the file another report shares stays and still downloads;
     * old addresses answer 404, the search drops the report, and the audit log has the entry.
     */
    @Test
    public void delete_asks_first_and_keeps_files_other_reports_share() throws Exception {
        Visitor editor = loggedIn(EDITOR);
        byte[] shared = Uploads.pdf("Gemeinsame Datei Hilfequote");
        byte[] own = Uploads.pdf("Eigene Datei Hilfequote");
        String doomed = filed(editor, fields("Zu löschender Bericht", "2025", "ringe", "ring", "3"), "a.pdf", shared);
        assertEquals(303, Uploads.post(editor, port(), doomed + "/neue-version", List.of(), "b.pdf", own).status());
        String keeper = filed(editor, fields("Bericht mit gleicher Datei", "2025", "oeffentlich"), "c.pdf", shared);
        Visitor member = loggedIn(MEMBER);
        assertEquals(200, Uploads.download(member, port(), doomed + "/datei").status());
        assertEquals(1, count("SELECT COUNT(*) FROM reports_download WHERE report_id = ?", id(doomed)));
        waitFor("the report is indexed", () -> search(member, "Hilfequote").contains(doomed + "\""));

        Page question = editor.get(doomed + "/loeschen");
        assertEquals(200, question.status());
        assertThat(question.body(), containsString("Bericht „Zu löschender Bericht“ wirklich löschen?"));
        assertThat(question.body(), containsString("Alle 2 Versionen werden entfernt."));
        assertThat(question.body(), containsString(">Löschen</button>"));
        assertThat(question.body(), containsString("href=\"" + doomed + "\">Abbrechen</a>"));
        assertEquals(200, editor.get(doomed).status());

        Page forged = editor.postRaw(doomed + "/loeschen", "");
        assertEquals(403, forged.status());
        Page wrongToken = editor.postRaw(doomed + "/loeschen", "_csrf=falsch");
        assertEquals(403, wrongToken.status());
        assertEquals(1, count("SELECT COUNT(*) FROM reports_report WHERE id = ?", id(doomed)));

        Page deleted = editor.postRaw(doomed + "/loeschen", encode(question.csrfToken(), List.of()));
        assertEquals(303, deleted.status());
        assertEquals("/berichte?hinweis=geloescht", deleted.header("Location"));
        String list = editor.get("/berichte?hinweis=geloescht").body();
        assertThat(list, containsString("Der Bericht ist mit allen Fassungen gelöscht."));
        assertThat(list, not(containsString("Zu löschender Bericht")));

        for (String each : List.of(doomed, doomed + "/datei", doomed + "/versionen/1/datei",
                doomed + "/versionen/2/datei", doomed + "/bearbeiten", doomed + "/loeschen", doomed + "/abrufe")) {
            Page gone = editor.get(each);
            assertEquals(each, 404, gone.status());
            assertThat(each, gone.body(), containsString("<html lang=\"de\">"));
        }
        assertEquals(404, editor.postRaw(doomed + "/loeschen", encode(question.csrfToken(), List.of())).status());
        for (String table : List.of("reports_version", "reports_download", "reports_ring")) {
            assertEquals(table, 0, count("SELECT COUNT(*) FROM " + table + " WHERE report_id = ?", id(doomed)));
        }
        assertTrue("the shared file stays", Files.exists(blob(shared)));
        assertFalse("the unshared file is gone", Files.exists(blob(own)));
        assertArrayEquals(shared, Uploads.download(visitor(), port(), keeper + "/datei").body());

        waitFor("the search drops the deleted report", () -> !search(member, "Hilfequote").contains(doomed + "\""));
        assertEquals(1, count("SELECT COUNT(*) FROM auth_audit WHERE actor = ? AND subject = ? AND detail LIKE ?",
                EDITOR, "Bericht Nr. " + id(doomed), "Bericht gelöscht:%"));
    }

    /** A hostile title typed into the edit form is stored as typed and shown as text on every page. */
    @Test
    public void hostile_title_stays_escaped() {
        Visitor editor = loggedIn(EDITOR);
        String path = filed(editor, fields("Harmloser Bericht", "2025", "oeffentlich"), "h.pdf", Uploads.pdf("h"));
        String hostile = "<script>alert(1)</script> {{x}} <img src=x onerror=alert(2)> ' OR 1=1 --";

        Page saved = editor.postRaw(path + "/bearbeiten", encode(editor.get(path + "/bearbeiten").csrfToken(),
                fields(hostile, "2025", "oeffentlich")));

        assertEquals(303, saved.status());
        assertEquals(1, count("SELECT COUNT(*) FROM reports_report WHERE id = ? AND title = ?", id(path), hostile));
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt; {{x}} &lt;img src";
        for (String each : List.of(path, path + "/bearbeiten", path + "/loeschen", "/berichte")) {
            String body = editor.get(each).body();
            assertThat(each, body, containsString(escaped));
            assertThat(each, body, not(containsString("<script>alert(1)")));
            assertThat(each, body, not(containsString("<img src=x")));
        }
        assertThat(visitor().get(path).body(), containsString(escaped));
    }

    // ---------------------------------------------------------------- helpers

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        visitor.get("/berichte");
        return visitor;
    }

    private int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }

    /** The form's fields as name, value pairs; {@code more} adds pairs such as "ring", "3" (names may repeat). */
    private static List<String> fields(String title, String year, String audience, String... more) {
        List<String> fields = new ArrayList<>(List.of("titel", title, "jahr", year, "beschreibung",
                "Beschreibung von " + title, "zielgruppe", audience));
        fields.addAll(List.of(more));
        return fields;
    }

    private static String encode(String token, List<String> fields) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.size(); i += 2) {
            body.append('&').append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** Uploads through the form and returns the new report's path. */
    private String filed(Visitor visitor, List<String> fields, String fileName, byte[] content) {
        Page created = Uploads.post(visitor, port(), "/berichte/neu", fields, fileName, content);
        assertEquals(created.body(), 303, created.status());
        Matcher path = REPORT_PATH.matcher(created.header("Location"));
        assertTrue(path.find());
        return path.group();
    }

    private static int id(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    private Path blob(byte[] content) throws Exception {
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));
        return Path.of(context.getProperty("ringportal.data.dir")).resolve("reports").resolve("blobs")
                .resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
