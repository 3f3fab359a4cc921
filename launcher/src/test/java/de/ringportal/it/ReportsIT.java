package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * The reports library in the running portal: uploads through the form (multipart, as a browser sends it), the
 * limit and its message, storage by hash and its check on every read, access to reports and their earlier versions,
 * embargo, ranges and the download audit. Ring membership: Landkreis Biberach (08426) is in ring 3, Kreis Coesfeld
 * (05558) in ring 4, this year.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportsIT extends AuthTestSupport {

    static final String LIBRARY = "de.ringportal.reports.internal.Library";
    private static final String EDITOR = "berichte-redaktion";
    private static final String MODERATOR = "berichte-moderation";
    private static final String MEMBER = "berichte-mitglied";
    private static final String OTHER_MEMBER = "berichte-ring4";
    private static final Pattern REPORT_PATH = Pattern.compile("/berichte/([0-9]+)");

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Before
    public void ringsAndAccounts() {
        registrations.add(ringsThisYear(Map.of("08426", "3", "05558", "4")));
        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=reports)");
        createAccount(EDITOR, "Berichte Redaktion", null, Role.REDAKTION);
        createAccount(MODERATOR, "Berichte Moderation", "08426", Role.RINGMODERATION);
        createAccount(MEMBER, "Berichte Mitglied", "08426", Role.RINGMITGLIED);
        createAccount(OTHER_MEMBER, "Ring 4 Mitglied", "05558", Role.RINGMITGLIED);
        // a small limit, so the test needs no 50 MB upload
        configure(LIBRARY, Map.of("maxUploadMegabytes", 1));
        waitFor("/berichte answers", () -> get("/berichte").status() == 200);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** 1.5 MB against a 1 MB limit: 413, the German message, and no record, no stored or temporary file. */
    @Test
    public void upload_over_the_limit_is_refused_with_a_message_and_leaves_nothing() throws IOException {
        Visitor editor = loggedIn(EDITOR);
        int reports = count("SELECT COUNT(*) FROM reports_report");
        List<Path> filesBefore = storedFiles();

        for (int size : new int[] {1024 * 1024 + 1, 1536 * 1024}) {
            Page refused = upload(editor, "/berichte/neu", fields("Zu groß", "2025", "oeffentlich", null),
                    "gross.pdf", Uploads.pdfOfSize("Zu gross", size));

            assertEquals(413, refused.status());
            assertThat(refused.body(), containsString("Die Datei ist zu groß: erlaubt sind höchstens 1 MB."));
            assertThat("the form is shown again", refused.body(), containsString("name=\"titel\""));
        }
        assertEquals(reports, count("SELECT COUNT(*) FROM reports_report"));
        assertEquals(filesBefore, storedFiles());
    }

    /** An executable named .pdf and an empty file are refused with their reasons; nothing is stored. */
    @Test
    public void wrong_content_and_empty_files_are_refused() throws IOException {
        Visitor editor = loggedIn(EDITOR);
        int reports = count("SELECT COUNT(*) FROM reports_report");
        List<Path> filesBefore = storedFiles();

        Page exe = upload(editor, "/berichte/neu", fields("Programm", "2025", "oeffentlich", null), "setup.pdf",
                "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(422, exe.status());
        assertThat(exe.body(), containsString("Der Inhalt der Datei passt nicht zu ihrer Endung .pdf"));

        Page empty = upload(editor, "/berichte/neu", fields("Leer", "2025", "oeffentlich", null), "leer.pdf",
                new byte[0]);
        assertEquals(422, empty.status());
        assertThat(empty.body(), containsString("Die Datei ist leer"));

        Page type = upload(editor, "/berichte/neu", fields("Typ", "2025", "oeffentlich", null), "bild.exe",
                Uploads.pdf("x"));
        assertThat(type.body(), containsString("Dieser Dateityp ist nicht erlaubt"));

        assertEquals(reports, count("SELECT COUNT(*) FROM reports_report"));
        assertEquals(filesBefore, storedFiles());
    }

    /** Markup and template syntax in title and file name are stored as text and shown escaped; paths are cut. */
    @Test
    public void hostile_title_and_file_name_are_shown_as_text() {
        Visitor editor = loggedIn(EDITOR);
        String path = filed(editor, fields("<script>alert(1)</script> {{x}} Bericht", "2025", "oeffentlich", null),
                "../../etc/passwd\u0000<b>.pdf", Uploads.pdf("Harmlos"));

        Page page = visitor().get(path);
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("&lt;script&gt;alert(1)&lt;/script&gt; {{x}} Bericht"));
        assertThat(page.body(), not(containsString("<script>alert(1)")));
        assertThat(page.body(), containsString("passwd_b.pdf"));
        Uploads.Download download = Uploads.download(visitor(), port(), path + "/datei");
        assertEquals("attachment; filename=\"passwd_b.pdf\"; filename*=UTF-8''passwd_b.pdf",
                download.header("Content-Disposition"));
    }

    /** One changed byte in the stored file: the download is refused (and says why), not served; fixed, it is. */
    @Test
    public void altered_stored_bytes_are_refused_not_served() throws IOException {
        Visitor editor = loggedIn(EDITOR);
        byte[] original = Uploads.pdf("Unversehrt");
        String path = filed(editor, fields("Prüfsummentest", "2024", "oeffentlich", null), "pruefung.pdf", original);
        Path stored = storedFiles().stream().filter(file -> sha256(original).equals(file.getFileName().toString()))
                .findFirst().orElseThrow();
        assertEquals(200, Uploads.download(visitor(), port(), path + "/datei").status());

        byte[] altered = original.clone();
        altered[original.length / 2] ^= 1;
        Files.write(stored, altered);
        Uploads.Download refused = Uploads.download(visitor(), port(), path + "/datei");

        assertEquals(500, refused.status());
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertThat(body, containsString("stimmt nicht mehr mit ihrer Prüfsumme überein"));
        assertThat(body, not(containsString("%PDF")));
        assertEquals(500, Uploads.download(visitor(), port(), path + "/datei", "Range", "bytes=0-3").status());

        Files.write(stored, original);
        assertArrayEquals(original, Uploads.download(visitor(), port(), path + "/datei").body());
    }

    /**
     * A ring-3 report with two versions: a member of ring 4 gets 403 for the page, the file and the old version; a
     * member of ring 3 gets the current file but 403 for the old version; anonymous visitors are sent to the login;
     * the moderator gets every version; the audit shows the member's download.
     */
    @Test
    public void another_rings_report_is_403_including_old_versions() {
        Visitor moderator = loggedIn(MODERATOR);
        byte[] first = Uploads.pdf("Erste Fassung");
        byte[] second = Uploads.pdf("Zweite Fassung");
        String path = filed(moderator, fields("Ring 3 intern", "2025", "ringe", "3"), "ring3.pdf", first);
        Page newVersion = upload(moderator, path + "/neue-version", List.of(), "ring3-neu.pdf", second);
        assertEquals(newVersion.body(), 303, newVersion.status());

        Visitor other = loggedIn(OTHER_MEMBER);
        for (String each : List.of(path, path + "/datei", path + "/versionen/1/datei", path + "/versionen/2/datei",
                path + "/abrufe", path + "/neue-version")) {
            assertEquals(each, 403, other.get(each).status());
        }
        assertThat(other.get("/berichte").body(), not(containsString("Ring 3 intern")));

        Visitor anonymous = visitor();
        assertEquals(302, anonymous.get(path + "/datei").status());
        assertThat(anonymous.get(path + "/versionen/1/datei").header("Location"), containsString("/anmelden"));
        assertThat(anonymous.get("/berichte").body(), not(containsString("Ring 3 intern")));

        Visitor member = loggedIn(MEMBER);
        assertThat(member.get("/berichte").body(), containsString("Ring 3 intern"));
        assertArrayEquals(second, Uploads.download(member, port(), path + "/datei").body());
        assertEquals("old versions are for managers", 403, member.get(path + "/versionen/1/datei").status());
        assertEquals(403, member.get(path + "/abrufe").status());

        assertArrayEquals(first, Uploads.download(moderator, port(), path + "/versionen/1/datei").body());
        Page audit = moderator.get(path + "/abrufe");
        assertEquals(200, audit.status());
        assertThat(audit.body(), containsString("<td>" + MEMBER + "</td>"));
        assertThat(loggedIn(EDITOR).get(path + "/abrufe").body(), containsString(MEMBER));
    }

    /** A moderator cannot address a public report or another ring. */
    @Test
    public void moderator_uploads_to_own_ring_only() {
        Visitor moderator = loggedIn(MODERATOR);
        int reports = count("SELECT COUNT(*) FROM reports_report");
        Page toRing4 = upload(moderator, "/berichte/neu", fields("Fremd", "2025", "ringe", "4"), "f.pdf",
                Uploads.pdf("x"));
        assertThat(toRing4.body(), containsString("nur für Ihre eigenen Vergleichsringe"));
        Page toPublic = upload(moderator, "/berichte/neu", fields("Öffentlich", "2025", "oeffentlich", null),
                "o.pdf", Uploads.pdf("x"));
        assertThat(toPublic.body(), containsString("Öffentliche Berichte stellt nur die Redaktion ein"));
        assertEquals(reports, count("SELECT COUNT(*) FROM reports_report"));
        assertEquals("members do not upload", 403, loggedIn(MEMBER).get("/berichte/neu").status());
    }

    /** Under embargo a report is invisible (list, page, file, search) except to the Redaktion. */
    @Test
    public void embargoed_report_is_invisible_until_its_date() {
        Visitor editor = loggedIn(EDITOR);
        List<String> form = new ArrayList<>(fields("Gesperrter Jahresbericht", "2026", "oeffentlich", null));
        form.addAll(List.of("freigabe", LocalDate.now().plusYears(1).toString()));
        String path = filed(editor, form, "gesperrt.pdf", Uploads.pdf("Sperrfrist"));

        Visitor visitor = visitor();
        assertThat(visitor.get("/berichte").body(), not(containsString("Gesperrter Jahresbericht")));
        assertEquals(404, visitor.get(path).status());
        assertEquals(404, visitor.get(path + "/datei").status());
        assertEquals(404, loggedIn(MEMBER).get(path).status());
        assertThat(visitor.get("/suche?q=Jahresbericht").body(), not(containsString("Gesperrter")));

        assertThat(editor.get("/berichte").body(), containsString("Gesperrter Jahresbericht"));
        assertEquals(200, editor.get(path).status());
    }

    /** Download headers and ranges: 206 with Content-Range, 416 outside the file, full length otherwise. */
    @Test
    public void range_requests() {
        Visitor editor = loggedIn(EDITOR);
        byte[] content = Uploads.pdf("Bereichsanfrage");
        String path = filed(editor, fields("Übersicht Köln", "2023", "oeffentlich", null), "Übersicht Köln.pdf",
                content);

        Uploads.Download whole = Uploads.download(visitor(), port(), path + "/datei");
        assertEquals(200, whole.status());
        assertEquals("application/pdf", whole.header("Content-Type"));
        assertEquals(Integer.toString(content.length), whole.header("Content-Length"));
        assertEquals("bytes", whole.header("Accept-Ranges"));
        assertEquals("attachment; filename=\"Uebersicht Koeln.pdf\"; "
                + "filename*=UTF-8''%C3%9Cbersicht%20K%C3%B6ln.pdf", whole.header("Content-Disposition"));

        Uploads.Download part = Uploads.download(visitor(), port(), path + "/datei", "Range", "bytes=0-7");
        assertEquals(206, part.status());
        assertEquals("bytes 0-7/" + content.length, part.header("Content-Range"));
        assertEquals("%PDF-1.4", new String(part.body(), StandardCharsets.US_ASCII));

        Uploads.Download tail = Uploads.download(visitor(), port(), path + "/datei", "Range", "bytes=-6");
        assertEquals(206, tail.status());
        assertEquals("%%EOF\n", new String(tail.body(), StandardCharsets.US_ASCII));

        Uploads.Download outside = Uploads.download(visitor(), port(), path + "/datei", "Range",
                "bytes=" + content.length + "-");
        assertEquals(416, outside.status());
        assertEquals("bytes */" + content.length, outside.header("Content-Range"));
    }

    /** The list filters by year and type and pages; years come newest first. */
    @Test
    public void list_filters_by_year_and_type() {
        Visitor editor = loggedIn(EDITOR);
        filed(editor, fields("Filterbericht alt", "2019", "oeffentlich", null), "alt.pdf", Uploads.pdf("alt"));
        filed(editor, fields("Filterbericht Tabelle", "2020", "oeffentlich", null), "tabelle.csv",
                "ags;name\n08426;Biberach\n".getBytes(StandardCharsets.UTF_8));

        String y2019 = visitor().get("/berichte?jahr=2019").body();
        assertThat(y2019, containsString("Filterbericht alt"));
        assertThat(y2019, not(containsString("Filterbericht Tabelle")));
        String csv = visitor().get("/berichte?typ=csv").body();
        assertThat(csv, containsString("Filterbericht Tabelle"));
        assertThat(csv, not(containsString("Filterbericht alt")));
        String all = visitor().get("/berichte").body();
        assertTrue("newest year first", all.indexOf("Filterbericht Tabelle") < all.indexOf("Filterbericht alt"));
        assertEquals(200, visitor().get("/berichte?jahr=%27%20OR%201%3D1&typ=../../x&seite=-5").status());
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

    private static List<String> fields(String title, String year, String audience, String ring) {
        List<String> fields = new ArrayList<>(List.of("titel", title, "jahr", year, "beschreibung",
                "Beschreibung von " + title, "zielgruppe", audience));
        if (ring != null) {
            fields.addAll(List.of("ring", ring));
        }
        return fields;
    }

    private Page upload(Visitor visitor, String path, List<String> fields, String fileName, byte[] content) {
        return Uploads.post(visitor, port(), path, fields, fileName, content);
    }

    /** Uploads and returns the new report's path. */
    private String filed(Visitor visitor, List<String> fields, String fileName, byte[] content) {
        Page created = upload(visitor, "/berichte/neu", fields, fileName, content);
        assertEquals(created.body(), 303, created.status());
        Matcher path = REPORT_PATH.matcher(created.header("Location"));
        assertTrue(path.find());
        return path.group();
    }

    private List<Path> storedFiles() throws IOException {
        Path root = Path.of(context.getProperty("ringportal.data.dir")).resolve("reports");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith(".")
                    && !file.getFileName().toString().endsWith(".cache")).sorted().toList();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
