package de.ringportal.news.internal;

import static de.ringportal.core.testing.TestJetty.form;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;

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
 * The news editor's form in a real embedded Jetty, with the real store, templates and layout: refused input comes
 * back as 422 with every value as typed and the error summary linking to the fields; a valid article is stored and
 * answered with 303 to its page (post/redirect/get).
 */
@RunWith(BothDatabases.class)
public class NewsFormJettyTest {

    private static final String NEW = "/aktuelles/redaktion/neu";

    private static DataSource dataSource;
    private static NewsStore store;
    private static Versions versions;
    private static TestJetty jetty;

    @BeforeClass
    public static void startJetty() throws Exception {
        dataSource = TestDatabase.migrated(NewsStore.class, "news");
        store = new NewsStore(dataSource, mock(ModuleSchema.class));
        // the Redaktion, without the rings module: public news only; the access rules themselves are core's
        Access access = mock(Access.class);
        when(access.mayEditPublicContent(any())).thenReturn(true);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> call.getArgument(2));
        when(access.viewer(any())).thenReturn(new Viewer("redaktion", "Erika Redaktion", null,
                Set.of(Role.REDAKTION)));
        RichText richText = mock(RichText.class);
        when(richText.toHtml(anyString())).thenAnswer(call -> "<p>" + call.getArgument(0) + "</p>");
        versions = mock(Versions.class);
        NewsEditor editor = new NewsEditor(store, new NewsAccess(access, store), TestViews.of(NewsEditor.class),
                richText, versions, mock(ChangeEvents.class));
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(editor), "/aktuelles/redaktion/*"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** A title too long and no text: 422, the summary links to both inputs, and what was typed is all still there. */
    @Test
    public void refused_article_comes_back_with_422_the_typed_values_and_the_error_summary() throws Exception {
        String title = "T".repeat(201);
        HttpResponse<String> refused = jetty.post(NEW, form("titel", title, "anreisser", "Kurz & <b>knapp</b>",
                "text", " ", "datum", "2026-11-25T09:30", "status", "published", "aktion", "speichern"));

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"form-errors\">"));
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString("<li><a href=\"#titel\">Der Titel ist zu lang: höchstens 200 Zeichen, "
                + "eingegeben 201.</a></li>"));
        assertThat(page, containsString("<li><a href=\"#text\">Bitte geben Sie einen Text ein.</a></li>"));
        assertThat(page, containsString("<input id=\"titel\" name=\"titel\" type=\"text\" size=\"60\" required value=\""
                + title + "\">"));
        assertThat("typed text is shown again, escaped", page,
                containsString(">Kurz &amp; &lt;b&gt;knapp&lt;/b&gt;</textarea>"));
        assertThat(page, not(containsString("<b>knapp")));
        assertThat(page, containsString("name=\"datum\" type=\"datetime-local\" value=\"2026-11-25T09:30\""));
        assertThat(page, containsString("value=\"published\" checked"));
        assertEquals("nothing stored", 0,
                TestDatabase.count(dataSource, "SELECT COUNT(*) FROM news_article WHERE title = '" + title + "'"));
        verify(versions, never()).save(any(), any(), any(), eq(title), any(), any());
    }

    /** A valid article is stored once, with a first version, and answered with 303 to its own page. */
    @Test
    public void valid_article_is_saved_and_answered_with_303() throws Exception {
        HttpResponse<String> saved = jetty.post(NEW, form("titel", "Ringtreffen in Kassel", "anreisser", "Kurz",
                "text", "Erster Absatz.", "datum", "2026-03-14T09:30", "status", "published", "aktion", "speichern"));

        assertEquals(303, saved.statusCode());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertEquals("/aktuelles/2026/ringtreffen-in-kassel", location);
        Article article = store.find(2026, "ringtreffen-in-kassel").orElseThrow();
        assertEquals("Erster Absatz.", article.body());
        assertEquals(Article.Status.PUBLISHED, article.status());
        assertTrue(article.isPublic());
        verify(versions).save(eq(NewsEditor.KIND), eq(String.valueOf(article.id())), eq("Erika Redaktion"),
                eq("Ringtreffen in Kassel"), eq("Kurz"), eq("Erster Absatz."));
    }

    /** "Vorschau" stores nothing and answers 200 with the rendered text above the form. */
    @Test
    public void preview_answers_200_and_stores_nothing() throws Exception {
        HttpResponse<String> preview = jetty.post(NEW, form("titel", "Nur eine Vorschau", "text", "Text der Vorschau",
                "status", "draft", "aktion", "vorschau"));

        assertEquals(200, preview.statusCode());
        assertThat(preview.body(), containsString("<h2 id=\"vorschau\">Vorschau (noch nicht gespeichert)</h2>"));
        assertThat(preview.body(), containsString("<p>Text der Vorschau</p>"));
        assertThat(preview.body(), not(containsString("error-summary")));
        assertEquals(0, TestDatabase.count(dataSource,
                "SELECT COUNT(*) FROM news_article WHERE title = 'Nur eine Vorschau'"));
    }

    /** The route table: no such article, an id that is no number, a wrong method. */
    @Test
    public void unknown_paths_are_404_and_a_wrong_method_405() throws Exception {
        for (String path : new String[] {"/aktuelles/redaktion/999999", "/aktuelles/redaktion/x",
                "/aktuelles/redaktion/1/x"}) {
            assertEquals(path, 404, jetty.get(path).statusCode());
        }
        HttpResponse<String> wrong = jetty.get("/aktuelles/redaktion/999999/wiederherstellen");
        assertEquals(405, wrong.statusCode());
        assertEquals("POST", wrong.headers().firstValue("Allow").orElseThrow());
    }
}
