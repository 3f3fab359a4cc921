package de.ringportal.benchmark.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.util.Set;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The entry form in a real embedded Jetty, rendered with the real templates and layout: implausible input comes back
 * as 422 with every value as typed and the form's own summary ("nichts wurde gespeichert") linking to the fields;
 * valid values are stored as drafts and answered with 303 (post/redirect/get).
 */
@RunWith(BothDatabases.class)
public class EntryFormJettyTest {

    private static final String ENTRY = "/kennzahlen/erfassen";

    private static KeyFigureStore store;
    private static TestJetty jetty;

    @BeforeClass
    public static void startJetty() throws Exception {
        store = new KeyFigureStore(TestDatabase.migrated(KeyFigureStore.class, "benchmark"));
        // a ring member of Biberach; the access rules themselves are core's and tested there
        Access access = mock(Access.class);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> {
            boolean allowed = call.getArgument(2);
            if (!allowed) {
                // as core's Access answers a logged-in viewer
                call.getArgument(1, HttpServletResponse.class).sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return allowed;
        });
        when(access.viewer(any())).thenReturn(new Viewer("anna", "Anna", "08426", Set.of(Role.RINGMITGLIED)));
        EntrySettings settings = mock(EntrySettings.class);
        when(settings.jumpPercent()).thenReturn(30.0);
        EntryPage page = new EntryPage(access, TestViews.of(EntryPage.class), store, new Directory(), settings);
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(page), ENTRY));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** "1e308" and a zero denominator: 422, the summary links to both fields, the typed text is all still there. */
    @Test
    public void implausible_values_come_back_with_422_the_typed_values_and_the_summary() throws Exception {
        HttpResponse<String> refused = jetty.post(ENTRY, "kommune", "08426", "jahr", "2021", "monat", "12",
                "w-KDU", "1e308", "z-BGD", "5", "n-BGD", "0", "w-SGB2Q", "7,5", "k-SGB2Q", "<b>neu</b>");

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">\n"
                + "<h2>Bitte prüfen Sie Ihre Angaben – nichts wurde gespeichert</h2>"));
        assertThat(page, containsString("<li><a href=\"#feld-w-KDU\">KDU: „1e308“ ist keine Zahl im deutschen Format "
                + "(zum Beispiel 1.234,5).</a></li>"));
        assertThat(page, containsString("<li><a href=\"#feld-n-BGD\">BGD: Der Nenner darf nicht 0 sein.</a></li>"));
        assertThat("the message beside the field has no code", page, containsString("<p class=\"form-error\" "
                + "id=\"feld-w-KDU-fehler\"><span class=\"visually-hidden\">Fehler: </span>„1e308“ ist keine Zahl"));
        assertThat(page, containsString("id=\"feld-w-KDU\" name=\"w-KDU\" value=\"1e308\" maxlength=\"30\" "
                + "aria-invalid=\"true\" aria-describedby=\"feld-w-KDU-fehler\""));
        assertThat(page, containsString("id=\"feld-z-BGD\" name=\"z-BGD\" value=\"5\""));
        assertThat("a valid field of the refused form is kept too", page,
                containsString("id=\"feld-w-SGB2Q\" name=\"w-SGB2Q\" value=\"7,5\""));
        assertThat(page, containsString(">&lt;b&gt;neu&lt;/b&gt;</textarea>"));
        assertThat(page, not(containsString("<b>neu</b>")));
        assertTrue("nothing stored", store.values("08426", 2021).isEmpty());
    }

    /** Valid values are stored as drafts, answered with 303 to the form, which shows them in German format. */
    @Test
    public void valid_values_are_saved_and_answered_with_303() throws Exception {
        HttpResponse<String> saved = jetty.post(ENTRY, "kommune", "08426", "jahr", "2022", "monat", "12",
                "w-KDU", "1.234,5", "z-BGD", "30", "n-BGD", "120");

        assertEquals(303, saved.statusCode());
        assertEquals(ENTRY + "?jahr=2022&monat=12&gespeichert=2", saved.headers().firstValue("Location").orElseThrow());
        assertEquals(1234.5, store.value("08426", "KDU", "2022").orElseThrow().value(), 0);
        HttpResponse<String> shown = jetty.get(ENTRY + "?jahr=2022&monat=12&gespeichert=2");
        assertEquals(200, shown.statusCode());
        assertThat(shown.body(), containsString("<p class=\"notice\" role=\"status\">2 Werte gespeichert (als Entwurf)."));
        assertThat(shown.body(), containsString("id=\"feld-w-KDU\" name=\"w-KDU\" value=\"1.234,5\""));
        assertThat(shown.body(), not(containsString("error-summary")));
    }

    /** Another municipality's values: refused (403) before anything is read or written. */
    @Test
    public void another_municipality_is_refused() throws Exception {
        assertEquals(403, jetty.post(ENTRY, "kommune", "08435", "jahr", "2023", "monat", "12", "w-KDU", "5")
                .statusCode());
        assertTrue(store.values("08435", 2023).isEmpty());
    }
}
