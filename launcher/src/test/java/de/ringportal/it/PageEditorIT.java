package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;
import de.ringportal.search.api.SearchSource;

/**
 * The Redaktion's page editor over HTTP: a built-in page edited in Markdown (its seeded text kept as version 1 and
 * restorable), a new page with its menu entry appearing and disappearing at run time, refused input, and access.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PageEditorIT extends AuthTestSupport {

    private static final String EDITOR = "seiten-redaktion";
    private static final String MEMBER = "seiten-mitglied";
    private static final String SEEDED = "Dieses Portal ist das interne und externe Kommunikationsforum";

    @Before
    public void accounts() {
        createAccount(EDITOR, "Erika Redaktion", null, Role.REDAKTION);
        createAccount(MEMBER, "Mia Mitglied", "08426", Role.RINGMITGLIED);
    }

    /** Impressum saved as Markdown renders as HTML; restoring version 1 brings the seeded text back as version 3. */
    @Test
    public void built_in_page_is_edited_in_markdown_and_restored() {
        Visitor editor = loggedIn(EDITOR);
        Page form = editor.get("/redaktion/seiten/impressum");
        assertEquals(200, form.status());
        assertThat(form.body(), containsString("Text der Ersteinrichtung"));

        Page saved = submit(editor, "/redaktion/seiten/impressum", fields("Impressum",
                "## Anbieter\n\nProjektleitung **Benchmarking** <script>alert(1)</script>", null, null));
        assertEquals(303, saved.status());
        assertEquals("/impressum", saved.header("Location"));
        String page = visitor().get("/impressum").body();
        assertThat(page, containsString("<h2>Anbieter</h2>"));
        assertThat(page, containsString("<strong>Benchmarking</strong>"));
        assertThat(page, not(containsString("<script>alert")));
        assertThat(page, not(containsString(SEEDED)));

        Page history = editor.get("/redaktion/seiten/impressum/versionen");
        assertThat(history.body(), containsString("Ersteinrichtung"));
        assertThat(history.body(), containsString("<tr id=\"v2\">"));
        Page diff = editor.get("/redaktion/seiten/impressum/vergleich?a=2&b=1");
        assertThat(diff.body(), containsString("<td>+ hinzugefügt</td><td>## Anbieter</td>"));

        assertEquals(303, submit(editor, "/redaktion/seiten/impressum/wiederherstellen",
                Map.of("nummer", "1")).status());
        assertThat(visitor().get("/impressum").body(), containsString("<p>" + SEEDED));
        assertThat(editor.get("/redaktion/seiten/impressum/versionen").body(), containsString("<tr id=\"v3\">"));
        SearchSource pages = awaitService(SearchSource.class, "(" + SearchSource.SOURCE + "=pages)");
        assertThat(pages.find("impressum").orElseThrow().text(), containsString(SEEDED));
    }

    /** A new page is served under /seiten/ with its menu entry; deleting it (after confirming) removes both. */
    @Test
    public void new_page_gets_a_menu_entry_until_deleted() {
        Visitor editor = loggedIn(EDITOR);
        Map<String, String> fields = fields("Über uns", "Wir sind **die Projektleitung**.", "Über uns", "40");
        fields.put("adresse", "ueber-uns");
        Page saved = submit(editor, "/redaktion/seiten/neu", fields);
        assertEquals(saved.body(), 303, saved.status());
        assertEquals("/seiten/ueber-uns", saved.header("Location"));

        waitFor("the menu links the new page", () -> visitor().get("/").body()
                .contains("<li><a href=\"/seiten/ueber-uns\">Über uns</a></li>"));
        Page page = visitor().get("/seiten/ueber-uns");
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("<strong>die Projektleitung</strong>"));
        assertThat(page.body(), containsString("href=\"/seiten/ueber-uns\" aria-current=\"page\""));

        Page duplicate = submit(editor, "/redaktion/seiten/neu", fields);
        assertEquals("a form error is 422 (kit)", 422, duplicate.status());
        assertThat(duplicate.body(), containsString("Unter der Adresse „ueber-uns“ gibt es schon eine Seite."));

        assertThat(editor.get("/redaktion/seiten/ueber-uns/loeschen").body(), containsString("endgültig gelöscht"));
        assertEquals(303, submit(editor, "/redaktion/seiten/ueber-uns/loeschen", Map.of()).status());
        assertEquals(404, visitor().get("/seiten/ueber-uns").status());
        waitFor("the menu entry is gone", () -> !visitor().get("/").body().contains("/seiten/ueber-uns"));
    }

    /** Bad addresses, a missing menu label and oversized text are refused with messages; nothing is stored. */
    @Test
    public void bad_input_is_refused_with_messages() {
        Visitor editor = loggedIn(EDITOR);
        Map<String, String> fields = fields("T".repeat(201), "x".repeat(30_001), "", "");
        fields.put("adresse", "../../etc/passwd");
        Page refused = submit(editor, "/redaktion/seiten/neu", fields);
        assertEquals(422, refused.status());
        assertThat(refused.body(), containsString("Die Adresse darf nur Kleinbuchstaben"));
        assertThat(refused.body(), containsString("Der Titel ist zu lang"));
        assertThat(refused.body(), containsString("Der Text ist zu lang"));
        assertThat(refused.body(), containsString("Bitte geben Sie den Text des Menüeintrags ein."));
        assertEquals(0, count("SELECT COUNT(*) FROM site_page WHERE slug LIKE '%etc%'"));
        for (String builtIn : new String[] {"start", "impressum"}) {
            fields = fields("Neu", "Text", "Neu", "1");
            fields.put("adresse", builtIn);
            assertEquals(422, submit(editor, "/redaktion/seiten/neu", fields).status());
        }
    }

    /** Only the Redaktion edits pages: members get 403, visitors the login page, a POST without token 403. */
    @Test
    public void only_the_redaktion_edits_pages() {
        assertEquals(403, loggedIn(MEMBER).get("/redaktion/seiten").status());
        assertEquals(302, visitor().get("/redaktion/seiten/impressum").status());
        Visitor editor = loggedIn(EDITOR);
        Page refused = editor.post("/redaktion/seiten/datenschutz", fields("Gekapert", "weg", null, null));
        assertEquals(403, refused.status());
        assertThat(visitor().get("/datenschutz").body(), not(containsString("Gekapert")));
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

    private static Map<String, String> fields(String title, String text, String menu, String order) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("titel", title);
        fields.put("text", text);
        if (menu != null) {
            fields.put("menue", menu);
            fields.put("position", order);
        }
        fields.put("aktion", "speichern");
        return fields;
    }

    private static Page submit(Visitor editor, String path, Map<String, String> fields) {
        String formPage = path.endsWith("/wiederherstellen") ? path.replace("/wiederherstellen", "/versionen") : path;
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("_csrf", editor.get(formPage).csrfToken());
        withToken.putAll(fields);
        return editor.post(path, withToken);
    }
}
