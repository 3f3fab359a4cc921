package de.ringportal.municipalities.internal;

import static de.ringportal.core.testing.TestJetty.form;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.util.Map;
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

/**
 * The registry's admin forms in a real embedded Jetty, rendered with the real templates and layout: refused input
 * comes back as 422 with every value as typed and the error summary linking each problem to its field; a valid edit
 * is stored and answered with 303 (post/redirect/get).
 */
@RunWith(BothDatabases.class)
public class AdminFormsJettyTest {

    private static final String BIBERACH = "/admin/kommunen/08426";

    private static Registry registry;
    private static TestJetty jetty;

    @BeforeClass
    public static void startJetty() throws Exception {
        registry = new Registry(TestDatabase.migrated(Registry.class, "municipalities"),
                () -> AdminFormsJettyTest.class.getClassLoader().getResourceAsStream(Registry.SEED));
        // a member of the Redaktion; the access rules themselves are core's and tested there
        Access access = mock(Access.class);
        when(access.mayEditPublicContent(any())).thenReturn(true);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> call.getArgument(2));
        when(access.viewer(any())).thenReturn(new Viewer("redaktion", "Redaktion", null, Set.of(Role.REDAKTION)));
        AdminPages pages = new AdminPages(access, registry, TestViews.of(AdminPages.class));
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(pages), "/admin/kommunen/*"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** A year that is no year and an empty name: 422, each problem linked to its field, the typed values kept. */
    @Test
    public void refused_edit_comes_back_with_422_the_typed_values_and_the_error_summary() throws Exception {
        HttpResponse<String> refused = jetty.post(BIBERACH, form("name", "", "type", "Landkreis", "state",
                "Baden-Württemberg", "admitted_year", "zweitausend", "source", "<b>Quelle</b>"));

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString("<li><a href=\"#feld-name\">Der Name fehlt.</a></li>"));
        assertThat(page, containsString("<li><a href=\"#feld-jahr\">Das Zulassungsjahr (admitted_year) muss leer "
                + "oder eine Jahreszahl ab 2005 sein.</a></li>"));
        assertThat(page, containsString("id=\"feld-jahr\" name=\"admitted_year\" value=\"zweitausend\""));
        assertThat("typed text is shown again, escaped", page, containsString(">&lt;b&gt;Quelle&lt;/b&gt;</textarea>"));
        assertThat(page, not(containsString("<b>Quelle")));
        assertEquals("nothing stored", "Landkreis Biberach", registry.entry("08426").orElseThrow().name());
    }

    /** A valid edit is stored and answered with 303 to the form, which then says so. */
    @Test
    public void valid_edit_is_saved_and_answered_with_303() throws Exception {
        Map<String, String> cells = RegistryColumns.cells(registry.entry("08426").orElseThrow());
        cells.put("area_note", "ganzer Kreis");
        HttpResponse<String> saved = jetty.post(BIBERACH, cells);

        assertEquals(303, saved.statusCode());
        assertEquals(BIBERACH + "?hinweis=gespeichert", saved.headers().firstValue("Location").orElseThrow());
        assertEquals("ganzer Kreis", registry.entry("08426").orElseThrow().areaNote());
        HttpResponse<String> again = jetty.get(BIBERACH + "?hinweis=gespeichert");
        assertEquals(200, again.statusCode());
        assertThat(again.body(), containsString("Die Änderungen sind gespeichert."));
    }

    /** The merger form: a bad key and a bad day are 422 with both problems linked; nothing is recorded. */
    @Test
    public void refused_merger_is_422_with_both_fields_linked() throws Exception {
        HttpResponse<String> refused = jetty.post(BIBERACH + "/fusion", form("nachfolger", "' OR 1=1", "letzter_tag",
                "31.02.2030", "bestaetigt", "ja"));

        assertEquals(422, refused.statusCode());
        assertThat(refused.body(), containsString("<a href=\"#feld-nachfolger\">Der Nachfolger muss ein anderer "
                + "fünfstelliger Kreisschlüssel sein.</a>"));
        assertThat(refused.body(), containsString("<a href=\"#feld-letzter-tag\">Der letzte Tag fehlt oder ist kein "
                + "Datum wie 2008-07-31.</a>"));
        assertThat(refused.body(), containsString("name=\"nachfolger\" value=\"&#39; OR 1&#61;1\""));
        assertEquals(null, registry.entry("08426").orElseThrow().until());
    }

    /** The route table: an unknown or malformed key is 404, a wrong method 405. */
    @Test
    public void unknown_units_are_404_and_wrong_methods_405() throws Exception {
        for (String path : new String[] {"/admin/kommunen/99999", "/admin/kommunen/0842", BIBERACH + "/x"}) {
            HttpResponse<String> page = jetty.get(path);
            assertEquals(path, 404, page.statusCode());
        }
        HttpResponse<String> get = jetty.get("/admin/kommunen/import");
        assertEquals(405, get.statusCode());
    }
}
