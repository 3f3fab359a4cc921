package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import de.ringportal.core.api.Role;
import de.ringportal.reports.api.NewReport;
import de.ringportal.reports.api.ReportLibrary;
import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;

/**
 * The search in the running portal with a test source registered like any module's (a {@link SearchSource}
 * service) and the real reports source: results respect rings and release dates, change events update the index,
 * and a deleted index is rebuilt from the sources. Landkreis Biberach (08426) is in ring 3 this year.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SearchIT extends AuthTestSupport {

    static final String SOURCE = "it-quelle";
    private static final String MEMBER = "suche-mitglied";
    private static final String EDITOR = "suche-redaktion";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final TestSource source = new TestSource();

    /** A module's content, changeable by the test. */
    private static final class TestSource implements SearchSource {
        final Map<String, SearchDocument> items = new ConcurrentHashMap<>();

        void put(String id, String title, String text, Set<String> rings, Instant visibleFrom) {
            items.put(id, new SearchDocument(SearchIT.SOURCE, id, title, text, "/test/" + id, rings, visibleFrom));
        }

        @Override
        public List<SearchDocument> all() {
            return List.copyOf(items.values());
        }

        @Override
        public Optional<SearchDocument> find(String id) {
            return Optional.ofNullable(items.get(id));
        }
    }

    @Before
    public void sourceRingsAndAccounts() {
        registrations.add(ringsThisYear(Map.of("08426", "3")));
        source.put("1", "Öffentliche Wohnkosten", "Kosten der Unterkunft aller Optionskommunen", Set.of(), null);
        source.put("2", "Interne Wohnkosten Ring drei", "Vergleich im Ring drei", Set.of("3"), null);
        source.put("3", "Interne Wohnkosten Ring fünf", "Vergleich im Ring fünf", Set.of("5"), null);
        source.put("4", "Künftige Wohnkosten", "Erst im nächsten Jahr sichtbar", Set.of(),
                Instant.now().plusSeconds(86_400 * 30));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(SearchSource.SOURCE, SOURCE);
        registrations.add(context.registerService(SearchSource.class, source, properties));
        createAccount(MEMBER, "Suche Mitglied", "08426", Role.RINGMITGLIED);
        createAccount(EDITOR, "Suche Redaktion", null, Role.REDAKTION);
        waitFor("the test source is indexed", () -> search(visitor(), "Wohnkosten").contains("/test/1"));
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** Anonymous visitors find public items only: never ring-internal ones, never future ones. */
    @Test
    public void visitor_never_finds_ring_internal_items() {
        String results = search(visitor(), "Wohnkosten");
        assertThat(results, containsString("Öffentliche Wohnkosten"));
        assertThat(results, not(containsString("/test/2")));
        assertThat(results, not(containsString("/test/3")));
        assertThat(results, not(containsString("/test/4")));
        assertThat(results, containsString("1 Treffer"));
    }

    /** A member of ring 3 finds ring 3's item and the public one, not ring 5's; the Redaktion finds all three. */
    @Test
    public void member_finds_own_rings_items() {
        String member = search(loggedIn(MEMBER), "Wohnkosten");
        assertThat(member, containsString("/test/1"));
        assertThat(member, containsString("/test/2"));
        assertThat(member, not(containsString("/test/3")));

        String editor = search(loggedIn(EDITOR), "Wohnkosten");
        for (String id : List.of("1", "2", "3")) {
            assertThat(editor, containsString("/test/" + id));
        }
        assertThat("not yet visible, for anybody", editor, not(containsString("/test/4")));
    }

    /** German stemming: "Unterkünfte" and "Kosten" find "Kosten der Unterkunft". */
    @Test
    public void german_stemming_finds_inflected_forms() {
        assertThat(search(visitor(), "Unterkünfte Kosten"), containsString("/test/1"));
    }

    /** The reports source: a ring report is found by a word inside its PDF, by its ring's members only. */
    @Test
    public void reports_are_found_by_their_pdf_text_within_their_audience() throws IOException {
        ReportLibrary library = awaitService(ReportLibrary.class, null);
        String ring = library.file(new NewReport("Ringbericht drei", 2025, "Bericht des Rings", Set.of("3"),
                "ring.pdf", "application/pdf", "it"), new ByteArrayInputStream(Uploads.pdf("Eingliederungsvereinbarung")));
        String open = library.file(new NewReport("Offener Bericht", 2025, "Für alle", Set.of(), "offen.pdf",
                "application/pdf", "it"), new ByteArrayInputStream(Uploads.pdf("Eingliederungsvereinbarung")));

        Visitor member = loggedIn(MEMBER);
        // Each report is indexed on its own change event, asynchronously: wait until both are in.
        waitFor("both reports are indexed", () -> {
            String found = search(member, "Eingliederungsvereinbarungen");
            return found.contains(ring + "\"") && found.contains(open + "\"");
        });
        String anonymous = search(visitor(), "Eingliederungsvereinbarung");
        assertThat(anonymous, containsString(open));
        assertThat(anonymous, not(containsString(ring + "\"")));
    }

    /** A change event makes the index read the item again; an item the source no longer has disappears. */
    @Test
    public void change_events_update_the_index() {
        EventAdmin events = awaitService(EventAdmin.class, null);
        source.put("5", "Neue Bedarfsgemeinschaften", "Frisch gespeichert", Set.of(), null);
        events.postEvent(new Event(SearchSource.TOPIC_CHANGED, Map.of(SearchSource.SOURCE, SOURCE, SearchSource.ID,
                "5")));
        waitFor("the new item is found", () -> search(visitor(), "Bedarfsgemeinschaften").contains("/test/5"));

        source.items.remove("5");
        events.postEvent(new Event(SearchSource.TOPIC_CHANGED, Map.of(SearchSource.SOURCE, SOURCE, SearchSource.ID,
                "5")));
        waitFor("the removed item is gone", () -> !search(visitor(), "Bedarfsgemeinschaften").contains("/test/5"));
    }

    /** The index folder deleted while the search is stopped: on start it is rebuilt from the sources. */
    @Test
    public void index_is_rebuilt_when_deleted() throws BundleException, IOException {
        Bundle search = installedBundle("de.ringportal.search");
        Path index = Path.of(context.getProperty("ringportal.data.dir")).resolve("search").resolve("index");
        assertTrue(Files.isDirectory(index));

        search.stop();
        waitFor("/suche is gone", () -> get("/suche?q=x").status() == 404);
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        search.start();

        waitFor("the rebuilt index finds the item", () -> search(visitor(), "Wohnkosten").contains("/test/1"));
        assertTrue(Files.isDirectory(index));
        assertThat(search(loggedIn(MEMBER), "Wohnkosten"), containsString("/test/2"));
    }

    /** Lucene syntax, SQL and overlong input: a page with a clear message, never a 500. */
    @Test
    public void hostile_queries_get_a_message_not_an_error() {
        for (String query : List.of("' OR 1=1 --", "\"unclosed", "title:(a OR", "*:*", "\\", "der die das",
                "<script>alert(1)</script>", "{{x}}")) {
            Response page = get("/suche?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertEquals(query, 200, page.status());
            assertThat(query, page.body(), not(containsString("<script>alert(1)")));
        }
        assertThat(get("/suche?q=der+die+das").body(), containsString("lässt sich nichts suchen"));
        Response tooLong = get("/suche?q=" + "x".repeat(300));
        assertEquals(422, tooLong.status());
        assertThat(tooLong.body(), containsString("Der Suchbegriff ist zu lang"));
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }
}
