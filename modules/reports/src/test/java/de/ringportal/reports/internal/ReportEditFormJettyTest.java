package de.ringportal.reports.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;
import de.ringportal.reports.api.NewReport;

/**
 * The edit form of a report in a real embedded Jetty, rendered with the real templates and layout: refused input
 * comes back as 422 with every value as typed and the shared error summary linking to the fields, the stored report
 * unchanged; a valid change is saved and answered with 303 to the report's page (post/redirect/get).
 */
@RunWith(BothDatabases.class)
public class ReportEditFormJettyTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static ReportStore store;
    private static ReportFiling filing;
    private static TestJetty jetty;

    @BeforeClass
    public static void startJetty() throws Exception {
        DataSource db = TestDatabase.migrated(ReportStore.class, "reports");
        store = new ReportStore(db);
        Library.Config config = mock(Library.Config.class);
        when(config.maxUploadMegabytes()).thenReturn(1);
        Library library = new Library(FOLDER.getRoot().toPath(), store, new TextStore(db), config,
                Clock.systemUTC());
        filing = new ReportFiling(library);
        // the Redaktion; the access rules themselves are ReportAccessTest's and core's
        Access access = mock(Access.class);
        when(access.mayEditPublicContent(any())).thenReturn(true);
        when(access.maySeeRing(any(), anyString())).thenReturn(true);
        when(access.mayModerateRing(any(), anyString())).thenReturn(true);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> call.getArgument(2));
        when(access.viewer(any())).thenReturn(new Viewer("redaktion", "Redaktion", null, Set.of(Role.REDAKTION)));
        ReportPages pages = new ReportPages(library, access, new RingCatalog(), TestViews.of(ReportPages.class));
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(pages), "/berichte/*"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** No title and a year that is none: 422, the summary links to both fields, what was typed is all still there. */
    @Test
    public void refused_edit_comes_back_with_422_the_typed_values_and_the_error_summary() throws Exception {
        Report stored = filed("Kennzahlen 2025", "3");

        HttpResponse<String> refused = jetty.post(stored.path() + "/bearbeiten", "titel", " ", "jahr", "20x6",
                "beschreibung", "Erste Zeile\n<b>fett</b>", "zielgruppe", "ringe", "ring", "3", "ring", "5",
                "freigabe", "2026-12-24");

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString("<li><a href=\"#feld-titel\">Bitte geben Sie einen Titel ein.</a></li>"));
        assertThat(page, containsString("<li><a href=\"#feld-jahr\">Bitte geben Sie das Berichtsjahr vierstellig ein, "
                + "z. B. " + Year.now() + ".</a></li>"));
        assertThat(page, containsString("id=\"feld-titel\" name=\"titel\" value=\"\" maxlength=\"200\" required "
                + "aria-invalid=\"true\" aria-describedby=\"fehler-titel\""));
        assertThat(page, containsString("id=\"feld-jahr\" name=\"jahr\" value=\"20x6\""));
        assertThat("typed text is shown again, escaped (the line break too)", page,
                containsString(">Erste Zeile&#10;&lt;b&gt;fett&lt;/b&gt;</textarea>"));
        assertThat(page, not(containsString("<b>fett")));
        assertThat(page, containsString("id=\"ring-3\" name=\"ring\" value=\"3\" checked"));
        assertThat(page, containsString("id=\"ring-5\" name=\"ring\" value=\"5\" checked"));
        assertThat(page, containsString("name=\"freigabe\" value=\"2026-12-24\""));
        assertEquals("nothing stored", stored, store.find(stored.id()).orElseThrow());
    }

    /** A valid change is saved once and answered with 303 to the report's page, with the notice's key. */
    @Test
    public void valid_edit_is_saved_and_answered_with_303() throws Exception {
        Report stored = filed("Personalkosten 2024", "2");

        HttpResponse<String> saved = jetty.post(stored.path() + "/bearbeiten", "titel", "Personalkosten 2024 (korrigiert)",
                "jahr", "2024", "beschreibung", "Mit den Zahlen aus Ring 4.", "zielgruppe", "ringe", "ring", "2",
                "ring", "4", "freigabe", "");

        assertEquals(303, saved.statusCode());
        assertEquals(stored.path() + "?hinweis=gespeichert", saved.headers().firstValue("Location").orElseThrow());
        Report changed = store.find(stored.id()).orElseThrow();
        assertEquals("Personalkosten 2024 (korrigiert)", changed.title());
        assertEquals("Mit den Zahlen aus Ring 4.", changed.description());
        assertEquals(Set.of("2", "4"), changed.rings());
        HttpResponse<String> page = jetty.get(stored.path() + "?hinweis=gespeichert");
        assertEquals(200, page.statusCode());
        assertThat(page.body(), containsString("Die Angaben zum Bericht sind gespeichert."));
    }

    /** The route table answers for reports and paths that are not there. */
    @Test
    public void unknown_report_and_malformed_ids_are_404() throws Exception {
        for (String path : new String[] {"/berichte/999999/bearbeiten", "/berichte/x/bearbeiten",
                "/berichte/1/bearbeiten/x"}) {
            HttpResponse<String> page = jetty.get(path);
            assertEquals(path, 404, page.statusCode());
        }
    }

    private static Report filed(String title, String ring) throws Exception {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String path = filing.file(new NewReport(title, 2025, "Beschreibung", Set.of(ring), title + ".pdf",
                "application/pdf", "test"), new ByteArrayInputStream(pdf));
        return store.find(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1))).orElseThrow();
    }
}
