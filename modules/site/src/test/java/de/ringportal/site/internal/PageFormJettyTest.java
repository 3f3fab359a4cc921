package de.ringportal.site.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.RichText;
import de.ringportal.content.api.Versions;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;

/**
 * The page editor's form in a real embedded Jetty with the real templates, layout and migrations (Markdown and the
 * version store are stand-ins): refused input is 422 with the typed values and the shared error summary linking to
 * the inputs; a valid new page is stored and answered with 303 to its address; the built-in pages are not deleted.
 */
@RunWith(BothDatabases.class)
public class PageFormJettyTest {

    private static SitePages pages;
    private static TestJetty jetty;

    @BeforeClass
    public static void startJetty() throws Exception {
        RichText markdown = mock(RichText.class);
        when(markdown.toHtml(anyString())).thenAnswer(call -> "<p>" + call.getArgument(0) + "</p>");
        pages = new SitePages(TestDatabase.migrated(SitePages.class, "site"), mock(ModuleSchema.class), markdown);
        Versions versions = mock(Versions.class);
        when(versions.save(anyString(), anyString(), anyString(), anyString(), anyString(), anyString()))
                .thenAnswer(call -> new ContentVersion(call.getArgument(0), call.getArgument(1), 1,
                        call.getArgument(2), Instant.now(), call.getArgument(3), "", call.getArgument(5)));
        Access access = mock(Access.class);
        when(access.mayEditPublicContent(any())).thenReturn(true);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> call.getArgument(2));
        when(access.viewer(any())).thenReturn(new Viewer("redaktion", "Erika Redaktion", null,
                Set.of(Role.REDAKTION)));
        PageEditor editor = new PageEditor(pages, TestViews.of(PageEditor.class), access, versions,
                mock(CustomPageMenu.class), mock(PagesSearchSource.class));
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(editor), "/redaktion/seiten/*"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** A bad address and a title too long: 422, the summary links to both inputs, the typed text is kept. */
    @Test
    public void refused_page_comes_back_with_422_the_typed_values_and_the_error_summary() throws Exception {
        HttpResponse<String> refused = jetty.post("/redaktion/seiten/neu", "adresse", "../x", "titel", "T".repeat(201),
                "menue", "Über <b>uns</b>", "position", "40", "text", "## Wir\n\nDie <b>Projektleitung</b>.",
                "aktion", "speichern");

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString("<li><a href=\"#adresse\">Die Adresse darf nur Kleinbuchstaben"));
        assertThat(page, containsString("<li><a href=\"#titel\">Der Titel ist zu lang: höchstens 200 Zeichen, "
                + "eingegeben 201.</a></li>"));
        assertThat(page, containsString("name=\"adresse\" type=\"text\" size=\"40\" required value=\"../x\""));
        assertThat(page, containsString("value=\"Über &lt;b&gt;uns&lt;/b&gt;\""));
        assertThat(page, containsString(">## Wir&#10;&#10;Die &lt;b&gt;Projektleitung&lt;/b&gt;.</textarea>"));
        assertThat(page, not(containsString("<b>uns")));
        assertTrue("nothing stored", pages.find("x").isEmpty());
    }

    /** The preview renders the text without saving, with 200. */
    @Test
    public void preview_shows_the_text_and_saves_nothing() throws Exception {
        HttpResponse<String> preview = jetty.post("/redaktion/seiten/neu", "adresse", "vorschau-test", "titel", "Vorschau",
                "menue", "Vorschau", "position", "", "text", "Nur ansehen", "aktion", "vorschau");

        assertEquals(200, preview.statusCode());
        assertThat(preview.body(), containsString("<h2 id=\"vorschau\">Vorschau (noch nicht gespeichert)</h2>"));
        assertThat(preview.body(), containsString("<p>Nur ansehen</p>"));
        assertTrue(pages.find("vorschau-test").isEmpty());
    }

    /** A valid new page: 303 to its address, stored as Markdown with its menu entry; the same address again: 422. */
    @Test
    public void valid_page_is_saved_and_answered_with_303() throws Exception {
        String[] form = {"adresse", "ueber-uns", "titel", "Über uns", "menue", "Über uns", "position", "40",
            "text", "## Wir", "aktion", "speichern"};

        HttpResponse<String> saved = jetty.post("/redaktion/seiten/neu", form);

        assertEquals(303, saved.statusCode());
        assertEquals("/seiten/ueber-uns", saved.headers().firstValue("Location").orElseThrow());
        SitePage page = pages.find("ueber-uns").orElseThrow();
        assertEquals("## Wir", page.body());
        assertEquals("Über uns", page.menuLabel());
        assertEquals(40, page.menuOrder());
        HttpResponse<String> again = jetty.post("/redaktion/seiten/neu", form);
        assertEquals(422, again.statusCode());
        assertThat(again.body(), containsString(
                "<li><a href=\"#adresse\">Unter der Adresse „ueber-uns“ gibt es schon eine Seite.</a></li>"));
    }

    /** The route table: unknown pages are 404, deleting a built-in page is 404, a GET of a POST route 405. */
    @Test
    public void unknown_pages_and_built_in_deletes_are_404() throws Exception {
        for (String path : new String[] {"/redaktion/seiten/gibt-es-nicht", "/redaktion/seiten/impressum/loeschen",
            "/redaktion/seiten/Gross"}) {
            assertEquals(path, 404, jetty.get(path).statusCode());
        }
        assertEquals(404, jetty.post("/redaktion/seiten/impressum/loeschen").statusCode());
        assertTrue(pages.find("impressum").isPresent());
        assertEquals(405, jetty.get("/redaktion/seiten/impressum/wiederherstellen").statusCode());
    }
}
