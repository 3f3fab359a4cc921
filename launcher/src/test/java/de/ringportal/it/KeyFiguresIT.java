package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;
import de.ringportal.reports.api.NewReport;
import de.ringportal.reports.api.ReportLibrary;
import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;

/**
 * The key figures in the container: entry only for the own municipality, German numbers, plausibility, release,
 * ring tables from released values only, ring isolation, the public view without names, and the all-or-nothing
 * import. The rings come from a {@link Rings} service registered here with a high ranking, so the tests do not depend
 * on the rings module: ring 2 has six members (Landkreis Biberach 08426 among them), ring 3 four. The same object is
 * core's ring memberships, from which core's access rules know who is in which ring.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KeyFiguresIT extends AuthTestSupport {

    static final List<String> RING_2 = List.of("08426", "08435", "08236", "08118", "08317", "08136");
    static final List<String> RING_3 = List.of("08231", "08436", "08111", "08327");
    static final List<String> NAMES = List.of("Biberach", "Bodenseekreis", "Enzkreis", "Ludwigsburg", "Ortenaukreis",
            "Ostalbkreis", "Pforzheim", "Ravensburg", "Stuttgart", "Tuttlingen");
    static final String MEMBER = "kf-mitglied";
    static final String MODERATOR = "kf-moderation";
    static final String NEIGHBOUR = "kf-nachbar";
    static final String RING3_MEMBER = "kf-ring3";
    static final String EDITOR = "kf-redaktion";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** The test's rings, ranked above whatever the rings module registers. */
    static final class FixedRings extends TestRings {
        FixedRings() {
            super(new Ring("2", 2, "Vergleichsring 2 (Test)", "Testring", ""),
                    new Ring("3", 3, "Vergleichsring 3 (Test)", "Testring", ""));
        }

        @Override
        public List<String> members(String ringId, int year) {
            return "2".equals(ringId) ? RING_2.stream().sorted().toList()
                    : "3".equals(ringId) ? RING_3.stream().sorted().toList() : List.of();
        }
    }

    @Before
    public void registerRingsAndAccounts() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 1000);
        registrations.add(context.registerService(TestRings.SERVICES, new FixedRings(), properties));
        createAccount(MEMBER, "KF Mitglied", "08426", Role.RINGMITGLIED);
        createAccount(MODERATOR, "KF Moderation", "08426", Role.RINGMITGLIED, Role.RINGMODERATION);
        createAccount(NEIGHBOUR, "KF Nachbar", "08435", Role.RINGMITGLIED);
        createAccount(RING3_MEMBER, "KF Ring 3", "08231", Role.RINGMITGLIED);
        createAccount(EDITOR, "KF Redaktion", null, Role.REDAKTION);
        waitFor("the key figure pages answer", () -> get("/kennzahlen").status() == 200);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** Another municipality's values: 403 for the form, the release and the import, and nothing is written. */
    @Test
    public void member_cannot_write_another_municipalitys_values() {
        Visitor member = loggedIn(MEMBER);
        String token = member.get("/kennzahlen/erfassen?jahr=2023").csrfToken();

        Page form = member.post("/kennzahlen/erfassen", Map.of("_csrf", token, "kommune", "08435", "jahr", "2023",
                "monat", "12", "w-SGB2Q", "7,5"));
        assertEquals(403, form.status());
        Page release = member.post("/kennzahlen/freigeben", Map.of("_csrf", token, "kommune", "08435", "jahr",
                "2023"));
        assertEquals(403, release.status());
        Page upload = member.postFile("/kennzahlen/austausch/", token, "datei", "werte.csv",
                "kommune;kennzahl;zeitraum;wert\n08435;SGB2Q;2023;7,5\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, upload.status());
        assertThat(upload.body(), containsString("Zeile 2: Sie dürfen nur Werte Ihrer eigenen Kommune (08426)"));

        assertEquals(0, count("SELECT COUNT(*) FROM kf_value WHERE ags = ? AND period_year = 2023", "08435"));
        assertEquals(0, count("SELECT COUNT(*) FROM kf_history WHERE ags = ? AND period LIKE '2023%'", "08435"));
    }

    /** "1.234,5" is stored as 1234.5 and shown as "1.234,5"; a change keeps the old value in the history. */
    @Test
    public void german_numbers_are_read_and_shown_and_changes_keep_history() {
        Visitor member = loggedIn(MEMBER);
        String token = member.get("/kennzahlen/erfassen?jahr=2022").csrfToken();

        Page saved = member.post("/kennzahlen/erfassen", Map.of("_csrf", token, "kommune", "08426", "jahr", "2022",
                "monat", "12", "w-KDU", "1.234,5"));
        assertEquals(303, saved.status());
        assertEquals(1, count("SELECT COUNT(*) FROM kf_value WHERE ags = '08426' AND figure_code = 'KDU' "
                + "AND period = '2022' AND val = 1234.5 AND released = FALSE"));
        assertThat(member.get("/kennzahlen/erfassen?jahr=2022").body(), containsString("value=\"1.234,5\""));

        member.post("/kennzahlen/erfassen", Map.of("_csrf", token, "kommune", "08426", "jahr", "2022", "monat", "12",
                "w-KDU", "1.300", "k-KDU", "<script>alert(1)</script>"));
        assertEquals(1, count("SELECT COUNT(*) FROM kf_history WHERE ags = '08426' AND figure_code = 'KDU' "
                + "AND old_value = 1234.5 AND new_value = 1300 AND changed_by = ?", MEMBER));
        Page history = member.get("/kennzahlen/verlauf?jahr=2022");
        assertEquals(200, history.status());
        assertThat(history.body(), containsString("<td>1.234,5</td><td>1.300</td><td>" + MEMBER + "</td>"));
        assertThat(history.body(), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertThat(history.body(), not(containsString("<script>alert(1)")));
    }

    /** Non-numbers, 1e308, a zero denominator and an unexplained jump: clear messages, nothing of the form saved. */
    @Test
    public void implausible_input_saves_nothing_and_explains_why() {
        Visitor member = loggedIn(MEMBER);
        String token = member.get("/kennzahlen/erfassen?jahr=2016").csrfToken();
        insertReleased("08426", "AKQ", "2015", 20.0);

        Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", token, "kommune", "08426", "jahr", "2016",
                "monat", "12", "w-SGB2Q", "7,5", "w-KDU", "1e308", "z-BGD", "5", "n-BGD", "0", "w-AKQ", "40"));
        fields.put("w-SANQ", "NaN");
        fields.put("z-BS25", "-4");
        fields.put("n-BS25", "2");
        Page refused = member.post("/kennzahlen/erfassen", fields);

        assertEquals(422, refused.status());
        String body = refused.body();
        assertThat(body, containsString("nichts wurde gespeichert"));
        assertThat(body, containsString("„1e308“ ist keine Zahl im deutschen Format"));
        assertThat(body, containsString("„NaN“ ist keine Zahl im deutschen Format"));
        assertThat(body, containsString("Der Nenner darf nicht 0 sein."));
        assertThat(body, containsString("darf nicht negativ sein"));
        assertThat(body, containsString("Bitte begründen Sie die Abweichung im Kommentar."));
        assertThat(body, containsString("value=\"7,5\""));
        assertEquals(0, count("SELECT COUNT(*) FROM kf_value WHERE ags = '08426' AND period_year = 2016"));

        fields.put("w-KDU", "");
        fields.put("n-BGD", "1.000");
        fields.put("w-SANQ", "");
        fields.put("z-BS25", "");
        fields.put("n-BS25", "");
        fields.put("k-AKQ", "Neues Programm");
        assertEquals(303, member.post("/kennzahlen/erfassen", fields).status());
        assertEquals(3, count("SELECT COUNT(*) FROM kf_value WHERE ags = '08426' AND period_year = 2016"));
    }

    /** Drafts stay out of the ring table until released; the moderator sees who has not released. */
    @Test
    public void unreleased_values_never_appear_in_comparisons() {
        Visitor member = loggedIn(MEMBER);
        Visitor neighbour = loggedIn(NEIGHBOUR);
        Visitor moderator = loggedIn(MODERATOR);
        String token = member.get("/kennzahlen/erfassen?jahr=2020").csrfToken();
        member.post("/kennzahlen/erfassen", Map.of("_csrf", token, "kommune", "08426", "jahr", "2020", "monat", "12",
                "w-SGB2Q", "4,25"));
        String neighbourToken = neighbour.get("/kennzahlen/erfassen?jahr=2020").csrfToken();
        neighbour.post("/kennzahlen/erfassen", Map.of("_csrf", neighbourToken, "kommune", "08435", "jahr", "2020",
                "monat", "12", "w-SGB2Q", "6,5"));
        assertEquals(303, neighbour.post("/kennzahlen/freigeben", Map.of("_csrf", neighbourToken, "kommune", "08435",
                "jahr", "2020")).status());

        String table = member.get("/kennzahlen/ring/2?kennzahl=SGB2Q&jahr=2020").body();
        assertThat(table, containsString("<td>6,5</td>"));
        assertThat(table, not(containsString("4,25")));
        assertThat(table, containsString("Landkreis Biberach (eigene Kommune)</mark></a></th><td>nicht freigegeben"));
        assertThat(table, containsString("role=\"img\""));

        Page releases = moderator.get("/kennzahlen/ring/2/freigaben?jahr=2020");
        assertEquals(200, releases.status());
        assertThat(releases.body(), containsString("<th scope=\"row\">Landkreis Biberach</th><td>08426</td>"
                + "<td>1 von 1 Werten nicht freigegeben</td>"));
        assertEquals("only moderators see who has not released", 403,
                member.get("/kennzahlen/ring/2/freigaben?jahr=2020").status());

        assertEquals(303, member.post("/kennzahlen/freigeben", Map.of("_csrf", token, "kommune", "08426",
                "jahr", "2020")).status());
        String released = member.get("/kennzahlen/ring/2?kennzahl=SGB2Q&jahr=2020").body();
        assertThat(released, containsString("<td>4,25</td>"));
        assertThat(released, containsString("Median</dt><dd>5,38 %"));
    }

    /** Ring 2's members get 403 for ring 3's named comparison and report, and the other way round. */
    @Test
    public void member_of_ring_2_cannot_read_ring_3() {
        Visitor member = loggedIn(MEMBER);
        Visitor ring3 = loggedIn(RING3_MEMBER);
        Visitor editor = loggedIn(EDITOR);

        for (String path : List.of("/kennzahlen/ring/3?kennzahl=SGB2Q&jahr=2020", "/kennzahlen/bericht/3/2020",
                "/kennzahlen/bericht/3/2020.pdf")) {
            Page refused = member.get(path);
            assertEquals(path, 403, refused.status());
            assertThat(path, refused.body(), not(containsString("Pforzheim")));
            assertEquals(path, 200, editor.get(path).status());
        }
        assertEquals(403, ring3.get("/kennzahlen/ring/2?kennzahl=SGB2Q&jahr=2020").status());
        assertEquals(200, member.get("/kennzahlen/ring/2?kennzahl=SGB2Q&jahr=2020").status());
        assertEquals(302, visitor().get("/kennzahlen/ring/2").status());
    }

    /** Off by default (404); on, it shows aggregates of groups of five or more and never a municipality. */
    @Test
    public void public_view_never_names_a_municipality() {
        assertEquals(404, visitor().get("/kennzahlen/oeffentlich").status());
        for (int i = 0; i < RING_2.size(); i++) {
            insertReleased(RING_2.get(i), "BGD", "2019", 20.0 + i);
        }
        for (int i = 0; i < RING_3.size(); i++) {
            insertReleased(RING_3.get(i), "BGD", "2019", 30.0 + i);
        }
        configure("de.ringportal.benchmark.internal.PublicView", Map.of("enabled", true));

        Page page = visitor().get("/kennzahlen/oeffentlich?kennzahl=BGD&jahr=2019");
        assertEquals(200, page.status());
        String body = page.body();
        assertThat(body, containsString("<th scope=\"row\">Vergleichsring 2 (Test)</th><td>6</td><td>22,5 "));
        assertThat(body, containsString("<th scope=\"row\">Vergleichsring 3 (Test)</th><td colspan=\"5\">zu wenige"));
        for (String name : NAMES) {
            assertThat(body, not(containsString(name)));
        }
        for (String ags : RING_2) {
            assertThat(body, not(containsString(ags)));
        }
    }

    /** One bad row among good ones: every problem with its row, nothing written; the corrected file imports. */
    @Test
    public void import_with_one_bad_row_writes_nothing() {
        Visitor editor = loggedIn(EDITOR);
        String token = editor.get("/kennzahlen/austausch").csrfToken();
        String bad = "kommune;kennzahl;zeitraum;zaehler;nenner;wert;kommentar\n"
                + "08118;SGB2Q;2018;;;5,5;\n"
                + "08118;K2;2018-12;1.200;4.800;;\n"
                + "08118;AKQ;2018;;;abc;\n"
                + "08118;KDU;2018;;;1e308;\n";
        Page refused = editor.postFile("/kennzahlen/austausch/", token, "datei", "werte.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.status());
        assertThat(refused.body(), containsString("Zeile 4: Wert: „abc“ ist keine Zahl"));
        assertThat(refused.body(), containsString("Zeile 5: Wert: „1e308“ ist keine Zahl"));
        assertEquals(0, count("SELECT COUNT(*) FROM kf_value WHERE ags = ?", "08118"));

        Page imported = editor.postFile("/kennzahlen/austausch/", token, "datei", "werte.csv",
                bad.replace("abc", "21,5").replace("1e308", "455").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.status());
        assertThat(imported.body(), containsString("4 Zeilen geprüft, 4 Werte gespeichert"));
        assertEquals(4, count("SELECT COUNT(*) FROM kf_value WHERE ags = '08118' AND released = FALSE"));
        assertEquals(1, count("SELECT COUNT(*) FROM kf_value WHERE ags = '08118' AND figure_code = 'K2' "
                + "AND val = 25"));

        Page export = editor.get("/kennzahlen/austausch/export.csv");
        assertEquals(200, export.status());
        assertThat(export.body(), containsString("08118;Landkreis Ludwigsburg;K2;2018-12;1.200;4.800;25;;Entwurf"));
    }

    /** One button files the ring report PDF into the reports library, for that ring only; members may not. */
    @Test
    public void moderator_files_the_ring_report_for_the_ring() throws Exception {
        List<Object[]> filed = new ArrayList<>();
        ReportLibrary library = (report, content) -> {
            filed.add(new Object[] {report, content.readAllBytes()});
            return "/berichte/1";
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 1000);
        registrations.add(context.registerService(ReportLibrary.class, library, properties));
        insertReleased("08317", "SGB2Q", "2017", 5.0);
        Visitor moderator = loggedIn(MODERATOR);
        Visitor member = loggedIn(MEMBER);
        waitFor("the report offers filing", () -> moderator.get("/kennzahlen/bericht/2/2017").body()
                .contains("/kennzahlen/bericht/2/2017/ablegen"));
        String token = moderator.get("/kennzahlen/bericht/2/2017").csrfToken();

        assertEquals(403, member.post("/kennzahlen/bericht/2/2017/ablegen",
                Map.of("_csrf", member.get("/kennzahlen/bericht/2/2017").csrfToken())).status());
        assertEquals(0, filed.size());

        Page filing = moderator.post("/kennzahlen/bericht/2/2017/ablegen", Map.of("_csrf", token));
        assertEquals(303, filing.status());
        assertEquals("/berichte/1", filing.header("Location"));
        assertEquals(1, filed.size());
        NewReport report = (NewReport) filed.get(0)[0];
        assertEquals(java.util.Set.of("2"), report.rings());
        assertEquals(2017, report.year());
        assertEquals("application/pdf", report.contentType());
        assertEquals(MODERATOR, report.author());
        byte[] pdf = (byte[]) filed.get(0)[1];
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    }

    /** Administrators add and edit figures; bad input is refused with its message; members may not. */
    @Test
    public void administrator_adds_and_edits_a_figure() {
        Visitor admin = loggedIn(ADMIN);
        Visitor member = loggedIn(MEMBER);
        Map<String, String> figure = new LinkedHashMap<>();
        figure.put("_csrf", admin.get("/kennzahlen/katalog/neu").csrfToken());
        figure.put("code", "TEST1");
        figure.put("name", "Testquote <b>");
        figure.put("goal", "Prüfen");
        figure.put("numerator", "Zähler");
        figure.put("denominator", "Nenner");
        figure.put("unit", "%");
        figure.put("source", "Test");
        figure.put("factor", "100");
        figure.put("min", "0");
        figure.put("max", "100");
        figure.put("sortOrder", "999");
        figure.put("better", "HIGHER");
        figure.put("period", "YEARLY");
        figure.put("kind", "RATIO");

        Map<String, String> memberForm = new LinkedHashMap<>(figure);
        memberForm.put("_csrf", member.get("/kennzahlen").csrfToken());
        assertEquals(403, member.post("/kennzahlen/katalog/neu", memberForm).status());

        Map<String, String> bad = new LinkedHashMap<>(figure);
        bad.put("code", "t 1");
        bad.put("min", "200");
        bad.put("better", "' OR 1=1");
        Page refused = admin.post("/kennzahlen/katalog/neu", bad);
        assertEquals(422, refused.status());
        assertThat(refused.body(), containsString("Das Kürzel besteht aus 1 bis 16 Großbuchstaben"));
        assertThat(refused.body(), containsString("Der größte plausible Wert muss über dem kleinsten liegen."));
        assertEquals(0, count("SELECT COUNT(*) FROM kf_figure WHERE code = 'TEST1'"));

        assertEquals(303, admin.post("/kennzahlen/katalog/neu", figure).status());
        assertThat(visitor().get("/kennzahlen/katalog").body(), containsString("Testquote &lt;b&gt;"));
        figure.put("name", "Testquote neu");
        assertEquals(303, admin.post("/kennzahlen/katalog/TEST1", figure).status());
        assertEquals(1, count("SELECT COUNT(*) FROM kf_figure WHERE code = 'TEST1' AND name = 'Testquote neu'"));
        assertEquals(404, admin.get("/kennzahlen/katalog/GIBTESNICHT").status());
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

    /** A released value, as if entered and released earlier. */
    private void insertReleased(String ags, String figure, String period, double value) {
        try (Connection connection = awaitService(DataSource.class, null).getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO kf_value (ags, figure_code, "
                        + "period, period_year, val, released, released_by, synthetic, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, TRUE, 'test', FALSE, 'test', ?)")) {
            insert.setString(1, ags);
            insert.setString(2, figure);
            insert.setString(3, period);
            insert.setInt(4, Integer.parseInt(period.substring(0, 4)));
            insert.setDouble(5, value);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
