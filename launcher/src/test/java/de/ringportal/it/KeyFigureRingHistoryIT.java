package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

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
import de.ringportal.rings.api.Ring;

/**
 * Issue 17: key-figure history must not cross rings. Landkreis Tuttlingen (08327) was in ring 3 until two years ago
 * and is in ring 6 since. Every key-figure page, export and the PDF shows its ring-3 years (its values and ring 3's
 * median) to ring 3's members of those years only, its ring-6 years to ring 6's members only, and everything to the
 * Redaktion. The rings come from a {@link TestRings} registered here, for the pages and core's access rules alike.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KeyFigureRingHistoryIT extends AuthTestSupport {

    static final String MOVER = "08327";
    static final int LAST_YEAR = Year.now().getValue() - 1;
    /** The first year in ring 6. */
    static final int MOVED_IN = LAST_YEAR - 2;
    /** A year in ring 3, and one in ring 6. */
    static final int OLD = LAST_YEAR - 5;
    static final int NEW = LAST_YEAR - 1;
    // released SGB2Q values: the mover's (old, new), ring 3's others of OLD (median with the mover 33,33), ring 6's
    // others of NEW (median with the mover 55,55)
    static final String MOVER_OLD = "11,11";
    static final String MOVER_NEW = "22,22";
    static final String RING3_MEDIAN_OLD = "33,33";
    static final String RING6_MEDIAN_NEW = "55,55";

    static final String RING6 = "kfh-ring6";
    static final String RING3 = "kfh-ring3";
    static final String MOVED = "kfh-tuttlingen";
    static final String EDITOR = "kfh-redaktion";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Ring 3: Pforzheim, Ravensburg and, until {@link #MOVED_IN}, Tuttlingen; ring 6: Biberach, Bodensee, then it. */
    static final class MovedRings extends TestRings {
        MovedRings() {
            super(new Ring("3", 3, "Vergleichsring 3 (Test)", "Testring", ""),
                    new Ring("6", 6, "Vergleichsring 6 (Test)", "Testring", ""));
        }

        @Override
        public List<String> members(String ringId, int year) {
            List<String> members = new ArrayList<>("3".equals(ringId) ? List.of("08231", "08436")
                    : "6".equals(ringId) ? List.of("08426", "08435") : List.of());
            if ("3".equals(ringId) && year < MOVED_IN || "6".equals(ringId) && year >= MOVED_IN) {
                members.add(MOVER);
            }
            return members.stream().sorted().toList();
        }
    }

    @Before
    public void registerRingsAccountsAndValues() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 1000);
        registrations.add(context.registerService(TestRings.SERVICES, new MovedRings(), properties));
        createAccount(RING6, "Ring 6 Mitglied", "08426", Role.RINGMITGLIED, Role.RINGMODERATION);
        createAccount(RING3, "Ring 3 Mitglied", "08231", Role.RINGMITGLIED, Role.RINGMODERATION);
        createAccount(MOVED, "Tuttlingen Mitglied", MOVER, Role.RINGMITGLIED);
        createAccount(EDITOR, "Redaktion", null, Role.REDAKTION);
        released(MOVER, OLD, 11.11);
        released(MOVER, NEW, 22.22);
        released("08231", OLD, 33.33);
        released("08436", OLD, 44.44);
        released("08426", NEW, 55.55);
        released("08435", NEW, 66.66);
        waitFor("the key figure pages answer", () -> get("/kennzahlen").status() == 200);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** The profile, one figure and all: ring 6 sees the mover's ring-6 years only, ring 3 its ring-3 years only. */
    @Test
    public void profile_shows_each_year_to_the_ring_of_that_year() {
        Visitor ring6 = loggedIn(RING6);
        Visitor ring3 = loggedIn(RING3);
        Visitor editor = loggedIn(EDITOR);
        for (String path : List.of("/kennzahlen/profil?kommune=" + MOVER + "&kennzahl=SGB2Q&jahr=" + LAST_YEAR,
                "/kennzahlen/profil?kommune=" + MOVER + "&jahr=" + LAST_YEAR)) {
            Page newRing = ring6.get(path);
            assertEquals(path, 200, newRing.status());
            assertThat(path, newRing.body(), containsString(MOVER_NEW));
            assertThat(path, newRing.body(), containsString(RING6_MEDIAN_NEW));
            assertThat(path, newRing.body(), not(containsString(MOVER_OLD)));
            assertThat(path, newRing.body(), not(containsString(RING3_MEDIAN_OLD)));
            assertThat(path, newRing.body(), containsString("nicht sichtbar"));

            Page oldRing = ring3.get(path);
            assertEquals(path, 200, oldRing.status());
            assertThat(path, oldRing.body(), containsString(MOVER_OLD));
            assertThat(path, oldRing.body(), containsString(RING3_MEDIAN_OLD));
            assertThat(path, oldRing.body(), not(containsString(MOVER_NEW)));
            assertThat(path, oldRing.body(), not(containsString(RING6_MEDIAN_NEW)));

            String all = editor.get(path).body();
            for (String value : List.of(MOVER_OLD, MOVER_NEW, RING3_MEDIAN_OLD, RING6_MEDIAN_NEW)) {
                assertThat(path, all, containsString(value));
            }
            String own = loggedIn(MOVED).get(path).body();
            assertThat(path, own, containsString(MOVER_OLD));
            assertThat(path, own, containsString(MOVER_NEW));
        }
    }

    /** Ring tables, release states and the report, HTML and PDF: ring 3's of the old year are for ring 3's members. */
    @Test
    public void ring_tables_and_reports_of_the_old_year_are_the_old_rings() {
        Visitor ring6 = loggedIn(RING6);
        Visitor ring3 = loggedIn(RING3);
        Visitor editor = loggedIn(EDITOR);
        for (String path : List.of("/kennzahlen/ring/3?kennzahl=SGB2Q&jahr=" + OLD, "/kennzahlen/bericht/3/" + OLD,
                "/kennzahlen/bericht/3/" + OLD + ".pdf", "/kennzahlen/ring/3/freigaben?jahr=" + OLD)) {
            assertEquals(path, 403, ring6.get(path).status());
            assertEquals(path, 200, ring3.get(path).status());
            assertEquals(path, 200, editor.get(path).status());
        }
        for (String path : List.of("/kennzahlen/ring/3?kennzahl=SGB2Q&jahr=" + OLD, "/kennzahlen/bericht/3/" + OLD)) {
            assertThat(path, ring3.get(path).body(), containsString(MOVER_OLD));
        }
        for (String path : List.of("/kennzahlen/ring/6?kennzahl=SGB2Q&jahr=" + OLD, "/kennzahlen/bericht/6/" + OLD)) {
            Page page = ring6.get(path);
            assertEquals(path, 200, page.status());
            assertThat(path, page.body(), not(containsString(MOVER_OLD)));
            assertThat(path, page.body(), not(containsString("Tuttlingen")));
        }
        for (String path : List.of("/kennzahlen/ring/6?kennzahl=SGB2Q&jahr=" + NEW, "/kennzahlen/bericht/6/" + NEW,
                "/kennzahlen/bericht/6/" + NEW + ".pdf")) {
            assertEquals(path, 200, ring6.get(path).status());
            assertEquals(path, 403, ring3.get(path).status());
        }
        assertThat(ring6.get("/kennzahlen/ring/6?kennzahl=SGB2Q&jahr=" + NEW).body(), containsString(MOVER_NEW));
    }

    /** The exports: a member gets the own municipality's years, all of them; the Redaktion everyone's. */
    @Test
    public void exports_hold_what_the_viewer_may_see() {
        String ring6 = loggedIn(RING6).get("/kennzahlen/austausch/export.csv").body();
        assertThat(ring6, containsString("08426;"));
        assertThat(ring6, not(containsString(MOVER + ";")));
        String own = loggedIn(MOVED).get("/kennzahlen/austausch/export.csv").body();
        assertThat(own, containsString(MOVER + ";Landkreis Tuttlingen;SGB2Q;" + OLD + ";;;" + MOVER_OLD));
        assertThat(own, containsString(MOVER + ";Landkreis Tuttlingen;SGB2Q;" + NEW + ";;;" + MOVER_NEW));
        assertThat(own, not(containsString("08231;")));
        String all = loggedIn(EDITOR).get("/kennzahlen/austausch/export.csv").body();
        assertThat(all, containsString(MOVER + ";Landkreis Tuttlingen;SGB2Q;" + OLD));
        assertThat(all, containsString("08231;"));
        for (String user : List.of(RING6, MOVED, EDITOR)) {
            Page xlsx = loggedIn(user).get("/kennzahlen/austausch/export.xlsx");
            assertEquals(user, 200, xlsx.status());
            assertThat(user, xlsx.body(), containsString("PK"));
        }
    }

    /**
     * Issue 17, point 6: a normal CSV download logs no ERROR (it logged "Stream closed" with a stack trace on every
     * download). The log goes to standard error; the second request on the visitor's connection is handled only
     * after the first one, the download, has returned and logged.
     */
    @Test
    public void a_csv_download_logs_no_error() {
        Visitor editor = loggedIn(EDITOR);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            assertEquals(200, editor.get("/kennzahlen/austausch/export.csv").status());
            assertEquals(200, editor.get("/kennzahlen/austausch/export.xlsx").status());
            assertEquals(200, editor.get("/kennzahlen").status());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log, not(containsString("Stream closed")));
        assertThat(log, not(containsString("failed: GET /kennzahlen/austausch/export")));
    }

    /** Writes to both streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

    /** A released SGB2Q value, replacing the one of an earlier test of this class. */
    private void released(String ags, int year, double value) {
        try (Connection connection = awaitService(DataSource.class, null).getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM kf_value WHERE ags = ? AND figure_code = 'SGB2Q' AND period = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO kf_value (ags, figure_code, "
                        + "period, period_year, val, released, released_by, synthetic, changed_by, changed_at) "
                        + "VALUES (?, 'SGB2Q', ?, ?, ?, TRUE, 'test', FALSE, 'test', ?)")) {
            delete.setString(1, ags);
            delete.setString(2, Integer.toString(year));
            delete.executeUpdate();
            insert.setString(1, ags);
            insert.setString(2, Integer.toString(year));
            insert.setInt(3, year);
            insert.setDouble(4, value);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
