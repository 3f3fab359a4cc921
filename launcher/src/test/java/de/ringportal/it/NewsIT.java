package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;
import de.ringportal.rings.api.Ring;
import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;

/**
 * The news end to end over HTTP, as editors, ring members and visitors use them: drafts and future articles stay
 * hidden until due, ring news never reaches anyone outside the ring (archive, article URL, feed, start page, search
 * source), versions restore, hostile and oversized input is refused or made inert, and a POST without CSRF token is
 * refused. Rings and memberships come from services registered here: Landkreis Biberach (08426) is in ring 3, the
 * test municipality 09999 in ring 5.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NewsIT extends AuthTestSupport {

    private static final String EDITOR = "news-redaktion";
    private static final String MODERATOR_3 = "news-moderation-3";
    private static final String MEMBER_3 = "news-mitglied-3";
    private static final String MEMBER_5 = "news-mitglied-5";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern ARTICLE_ID = Pattern.compile("/aktuelles/redaktion/(\\d+)\"");

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Before
    public void registerRingsAndAccounts() {
        // 08426 is in ring 3 and 09999 in ring 5, every year: for the news pages and core's access rules alike
        registrations.add(context.registerService(TestRings.SERVICES, new TestRings(
                new Ring("3", 3, "Vergleichsring 3", "", ""), new Ring("5", 5, "Vergleichsring 5", "", "")) {
            @Override
            public List<String> members(String ringId, int year) {
                return "3".equals(ringId) ? List.of("08426") : "5".equals(ringId) ? List.of("09999") : List.of();
            }
        }, ranked()));
        createAccount(EDITOR, "Erika Redaktion", null, Role.REDAKTION);
        createAccount(MODERATOR_3, "Moritz Moderation", "08426", Role.RINGMODERATION);
        createAccount(MEMBER_3, "Mia Mitglied", "08426", Role.RINGMITGLIED);
        createAccount(MEMBER_5, "Max Mitglied", "09999", Role.RINGMITGLIED);
        waitFor("the news archive answers", () -> get("/aktuelles").status() == 200);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** A draft is on no list, in no feed, not at its URL and not in the search for visitors; its editor sees it. */
    @Test
    public void draft_is_invisible_to_visitors() {
        Visitor editor = loggedIn(EDITOR);
        String title = unique("Entwurf");
        String path = write(editor, form(title, "draft", ""));

        Visitor visitor = visitor();
        assertThat(visitor.get("/aktuelles").body(), not(containsString(title)));
        assertEquals(404, visitor.get(path).status());
        assertThat(visitor.get("/aktuelles/feed.atom").body(), not(containsString(title)));
        assertThat(visitor.get("/").body(), not(containsString(title)));
        assertTrue(searchDocument(title).isEmpty());
        assertEquals(404, loggedIn(MEMBER_3).get(path).status());

        Page own = editor.get(path);
        assertEquals(200, own.status());
        assertThat(own.body(), containsString("Entwurf: nur für die Redaktion sichtbar."));
    }

    /** An article dated a few seconds ahead is hidden until then, and then appears in archive, page and feed. */
    @Test
    public void future_dated_article_appears_only_from_its_date() {
        Visitor editor = loggedIn(EDITOR);
        String title = unique("Zukunft");
        Instant due = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> fields = form(title, "published", "");
        fields.put("datum", LocalDateTime.ofInstant(due, BERLIN).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        String path = write(editor, fields);

        Visitor visitor = visitor();
        assertEquals(404, visitor.get(path).status());
        assertThat(visitor.get("/aktuelles").body(), not(containsString(title)));
        assertThat(visitor.get("/aktuelles/feed.atom").body(), not(containsString(title)));
        assertEquals(due, searchDocument(title).orElseThrow().visibleFrom());

        waitFor("the article is due", () -> !Instant.now().isBefore(due));
        assertEquals(200, visitor.get(path).status());
        assertThat(visitor.get("/aktuelles").body(), containsString(title));
        assertThat(visitor.get("/aktuelles/feed.atom").body(), containsString(title));
    }

    /**
     * Ring 3's article, written by ring 3's moderator: ring 3's member reads it (archive, page, start page); visitors
     * and ring 5's member find it nowhere, not even by its URL; the feed never has it; the search source marks it
     * for ring 3 alone.
     */
    @Test
    public void ring_news_never_leaks_to_visitors_or_other_rings() {
        Visitor moderator = loggedIn(MODERATOR_3);
        String title = unique("Ring drei intern");
        Map<String, String> fields = form(title, "published", "3");
        String path = write(moderator, fields);

        Visitor member3 = loggedIn(MEMBER_3);
        assertEquals(200, member3.get(path).status());
        assertThat(member3.get("/aktuelles").body(), containsString(title));
        assertThat(member3.get("/").body(), containsString(title));
        assertThat(member3.get("/aktuelles?ring=3").body(), containsString(title));
        assertEquals(404, loggedIn(MEMBER_5).get("/aktuelles?ring=3").status());
        assertEquals(404, visitor().get("/aktuelles?ring=3").status());

        for (Visitor outsider : List.of(visitor(), loggedIn(MEMBER_5))) {
            Page article = outsider.get(path);
            assertEquals(404, article.status());
            assertThat(article.body(), not(containsString(title)));
            assertThat(outsider.get("/aktuelles").body(), not(containsString(title)));
            assertThat(outsider.get("/").body(), not(containsString(title)));
            String year = path.split("/")[2];
            assertThat(outsider.get("/aktuelles?jahr=" + year).body(), not(containsString(title)));
        }
        assertThat(member3.get("/aktuelles/feed.atom").body(), not(containsString(title)));
        assertEquals(Set.of("3"), searchDocument(title).orElseThrow().rings());
    }

    /** A moderator may neither write public news nor news for a ring they do not moderate; nothing is stored. */
    @Test
    public void moderator_writes_only_for_own_ring() {
        Visitor moderator = loggedIn(MODERATOR_3);
        for (String ring : List.of("", "5")) {
            String title = unique("Unerlaubt");
            Page refused = submit(moderator, "/aktuelles/redaktion/neu", form(title, "published", ring));
            assertEquals(422, refused.status());
            assertThat(refused.body(), containsString(ring.isEmpty() ? "mindestens einen Ring"
                    : "nur für Ringe schreiben, die Sie moderieren"));
            assertEquals(0, count("SELECT COUNT(*) FROM news_article WHERE title = ?", title));
        }
        assertEquals(403, loggedIn(MEMBER_3).get("/aktuelles/redaktion/neu").status());
        assertEquals(302, visitor().get("/aktuelles/redaktion/neu").status());
    }

    /** Two saves make two versions; comparing shows the change; restoring version 1 brings its text back as version 3. */
    @Test
    public void restoring_a_version_works() {
        Visitor editor = loggedIn(EDITOR);
        String title = unique("Versioniert");
        String path = write(editor, form(title, "published", ""));
        int id = articleId(editor, title);

        Map<String, String> changed = form(title + " geändert", "published", "");
        changed.put("text", "Ganz neuer Text.");
        assertEquals(303, submit(editor, "/aktuelles/redaktion/" + id, changed).status());
        assertThat(editor.get(path).body(), containsString("Ganz neuer Text."));

        Page history = editor.get("/aktuelles/redaktion/" + id + "/versionen");
        assertThat(history.body(), containsString("<tr id=\"v2\">"));
        Page diff = editor.get("/aktuelles/redaktion/" + id + "/vergleich?a=1&b=2");
        assertEquals(200, diff.status());
        assertThat(diff.body(), containsString("<tr class=\"diff-added\"><td>+ hinzugefügt</td><td>Ganz neuer Text.</td></tr>"));
        assertThat(diff.body(), containsString("<tr class=\"diff-removed\"><td>− entfernt</td><td>Erster Absatz mit **Betonung**.</td></tr>"));

        Page restored = submit(editor, "/aktuelles/redaktion/" + id + "/wiederherstellen", Map.of("nummer", "1"));
        assertEquals(303, restored.status());
        Page article = visitor().get(path);
        assertThat(article.body(), containsString("<h1>" + title + "</h1>"));
        assertThat(article.body(), containsString("<strong>Betonung</strong>"));
        assertThat(article.body(), not(containsString("Ganz neuer Text.")));
        assertThat(editor.get("/aktuelles/redaktion/" + id + "/versionen").body(), containsString("<tr id=\"v3\">"));
        assertEquals(3, count("SELECT COUNT(*) FROM content_version WHERE kind = 'news' AND item_id = ?",
                String.valueOf(id)));
    }

    /** Script, event handler, javascript: link and Mustache in title and body are shown as text or removed. */
    @Test
    public void hostile_input_is_inert() {
        Visitor editor = loggedIn(EDITOR);
        String marker = unique("Feind");
        Map<String, String> fields = form("<script>alert(1)</script> {{viewer}} " + marker, "published", "");
        fields.put("anreisser", "<img src=x onerror=alert(2)>");
        fields.put("text", "<script>alert(3)</script>\n\n<img src=x onerror=alert(4)> [klick](javascript:alert(5))"
                + " {{csrfToken}}");
        String path = write(editor, fields);

        for (String page : List.of(path, "/aktuelles", "/")) {
            String body = visitor().get(page).body();
            assertThat(page, body, containsString(marker));
            assertThat(page, body, not(containsString("<script>")));
            assertThat(page, body, not(containsString("onerror=")));
            assertThat(page, body, not(containsString("javascript:")));
        }
        String article = visitor().get(path).body();
        assertThat(article, containsString("&lt;script&gt;alert(1)&lt;/script&gt; {{viewer}} " + marker));
        assertThat(article, containsString("&lt;img src&#61;x onerror&#61;alert(2)&gt;"));
        assertThat(visitor().get("/aktuelles/feed.atom").body(), not(containsString("<script>")));
    }

    /** Oversized title and body are refused with German messages, and the form keeps what was typed. */
    @Test
    public void oversized_fields_are_refused_with_a_message() {
        Visitor editor = loggedIn(EDITOR);
        String title = "T".repeat(201);
        Map<String, String> fields = form(title, "published", "");
        fields.put("text", "x".repeat(30_001));
        Page refused = submit(editor, "/aktuelles/redaktion/neu", fields);
        assertEquals(422, refused.status());
        assertThat(refused.body(), containsString("Der Titel ist zu lang: höchstens 200 Zeichen, eingegeben 201."));
        assertThat(refused.body(), containsString("Der Text ist zu lang: höchstens 30000 Zeichen, eingegeben 30001."));
        assertThat(refused.body(), containsString("value=\"" + title + "\""));
        assertEquals(0, count("SELECT COUNT(*) FROM news_article WHERE title = ?", title));
    }

    /** The preview shows the rendered text and stores nothing. */
    @Test
    public void preview_stores_nothing() {
        Visitor editor = loggedIn(EDITOR);
        String title = unique("Vorschau");
        Map<String, String> fields = form(title, "published", "");
        fields.put("aktion", "vorschau");
        Page preview = submit(editor, "/aktuelles/redaktion/neu", fields);
        assertEquals(200, preview.status());
        assertThat(preview.body(), containsString("Vorschau (noch nicht gespeichert)"));
        assertThat(preview.body(), containsString("<strong>Betonung</strong>"));
        assertEquals(0, count("SELECT COUNT(*) FROM news_article WHERE title = ?", title));
    }

    /** A logged-in editor's POST without the CSRF token is refused by core and changes nothing. */
    @Test
    public void post_without_csrf_is_refused() {
        Visitor editor = loggedIn(EDITOR);
        String title = unique("Ohne Token");
        Page refused = editor.post("/aktuelles/redaktion/neu", form(title, "published", ""));
        assertEquals(403, refused.status());
        assertEquals(0, count("SELECT COUNT(*) FROM news_article WHERE title = ?", title));
    }

    /** The page head links the feed; the feed is Atom and names the public article. */
    @Test
    public void feed_is_linked_and_lists_public_news() {
        Visitor editor = loggedIn(EDITOR);
        String title = unique("Öffentlich");
        String path = write(editor, form(title, "published", ""));
        assertThat(visitor().get("/impressum").body(), containsString(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Aktuelles (Atom-Feed)\" href=\"/aktuelles/feed.atom\">"));
        Page feed = visitor().get("/aktuelles/feed.atom");
        assertEquals(200, feed.status());
        assertThat(feed.header("Content-Type"), containsString("application/atom+xml"));
        assertThat(feed.body(), containsString("<title>" + title + "</title>"));
        assertThat(feed.body(), containsString(path + "</id>"));
        assertFalse(searchDocument(title).orElseThrow().rings().iterator().hasNext());
    }

    // ---- helpers ----

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, String> form(String title, String status, String ring) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("titel", title);
        fields.put("anreisser", "Kurz gesagt.");
        fields.put("text", "Erster Absatz mit **Betonung**.\n\nZweiter Absatz.");
        fields.put("datum", "");
        fields.put("status", status);
        if (!ring.isEmpty()) {
            fields.put("ring", ring);
        }
        fields.put("aktion", "speichern");
        return fields;
    }

    /** Sends the editor form with the CSRF token of the form page, as the browser would. */
    private static Page submit(Visitor editor, String path, Map<String, String> fields) {
        String formPage = path.endsWith("/wiederherstellen") ? path.replace("/wiederherstellen", "/versionen")
                : path;
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("_csrf", editor.get(formPage).csrfToken());
        withToken.putAll(fields);
        return editor.post(path, withToken);
    }

    /** Saves a new article and returns its URL. */
    private static String write(Visitor editor, Map<String, String> fields) {
        Page saved = submit(editor, "/aktuelles/redaktion/neu", fields);
        assertEquals(saved.body(), 303, saved.status());
        String location = saved.header("Location");
        assertTrue(location, location.matches("/aktuelles/\\d{4}/[a-z0-9-]+"));
        return location;
    }

    private static int articleId(Visitor editor, String title) {
        String list = editor.get("/aktuelles/redaktion").body();
        int at = list.indexOf(title);
        Matcher id = ARTICLE_ID.matcher(list.substring(at));
        assertTrue(id.find());
        return Integer.parseInt(id.group(1));
    }

    private Optional<SearchDocument> searchDocument(String title) {
        SearchSource news = awaitService(SearchSource.class, "(" + SearchSource.SOURCE + "=news)");
        List<SearchDocument> found = news.all().stream().filter(doc -> doc.title().equals(title)).toList();
        found.forEach(doc -> assertEquals(doc, news.find(doc.id()).orElseThrow()));
        return found.stream().findFirst();
    }
}
