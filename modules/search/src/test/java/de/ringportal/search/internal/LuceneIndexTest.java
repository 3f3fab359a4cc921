package de.ringportal.search.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import de.ringportal.search.api.SearchDocument;

public class LuceneIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Set<String> SOURCES = Set.of("reports", "news");

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private LuceneIndex index;

    @Before
    public void fill() throws IOException {
        index = new LuceneIndex(folder.getRoot().toPath().resolve("index"));
        index.replaceSource("reports", List.of(
                doc("1", "Öffentlicher Kennzahlenbericht", "Die Integrationsquote der Optionskommunen", Set.of(), null),
                doc("2", "Interner Bericht Ring 3", "Integrationsquote im Vergleichsring drei", Set.of("3"), null),
                doc("3", "Interner Bericht Ring 5", "Integrationsquote im Vergleichsring fünf", Set.of("5"), null),
                doc("4", "Gesperrter Bericht", "Integrationsquote vor der Freigabe", Set.of(),
                        NOW.plusSeconds(3600))));
    }

    @After
    public void close() throws IOException {
        index.close();
    }

    /** A visitor (no rings) finds public items only, never ring-internal ones. */
    @Test
    public void visitor_finds_public_items_only() throws IOException {
        assertEquals(List.of("/berichte/1"), paths("Integrationsquote", Set.of()));
    }

    /** A member of ring 3 finds public items and ring 3's, not ring 5's. */
    @Test
    public void member_finds_own_ring_but_not_another() throws IOException {
        List<String> found = paths("Integrationsquote", Set.of("3"));
        assertEquals(Set.of("/berichte/1", "/berichte/2"), Set.copyOf(found));
    }

    /** An embargoed item appears exactly from its date. */
    @Test
    public void visible_from_is_respected_at_query_time() throws IOException {
        assertFalse(paths("Freigabe", Set.of()).contains("/berichte/4"));
        LuceneIndex.Hits later = index.search(index.parse("Freigabe"),
                new LuceneIndex.Viewer(Set.of(), NOW.plusSeconds(3601)), SOURCES, 0, 10);
        assertEquals("/berichte/4", later.hits().get(0).path());
    }

    /** German stemming: the plural and an inflected form find the singular. */
    @Test
    public void german_stemming() throws IOException {
        assertTrue(paths("Kennzahlenberichte", Set.of()).contains("/berichte/1"));
        assertTrue(paths("öffentlichen", Set.of()).contains("/berichte/1"));
        assertTrue("umlauts folded", paths("oeffentlicher", Set.of()).contains("/berichte/1"));
    }

    /** Items of a source that no longer runs are not shown. */
    @Test
    public void items_of_stopped_sources_are_hidden() throws IOException {
        LuceneIndex.Hits hits = index.search(index.parse("Integrationsquote"), new LuceneIndex.Viewer(Set.of(), NOW),
                Set.of("news"), 0, 10);
        assertEquals(0, hits.total());
    }

    /** Updates and removals by id. */
    @Test
    public void put_and_remove() throws IOException {
        index.put("reports", doc("1", "Neuer Titel", "Arbeitsmarkt", Set.of(), null));
        assertEquals(List.of("/berichte/1"), paths("Arbeitsmarkt", Set.of()));
        assertEquals(List.of(), paths("Integrationsquote", Set.of()));
        index.remove("reports", "1");
        assertEquals(List.of(), paths("Arbeitsmarkt", Set.of()));
    }

    /** Lucene operators and SQL-like input never throw; stop words alone give no query. */
    @Test
    public void hostile_queries_parse() throws IOException {
        assertEquals(List.of(), paths("' OR 1=1 --", Set.of()));
        for (String text : List.of("\"unclosed", "a AND ( OR", "title:x^", "Integrationsquote)", "\\ ~2 |")) {
            org.apache.lucene.search.Query query = index.parse(text);
            if (query != null) {
                index.search(query, new LuceneIndex.Viewer(Set.of(), NOW), SOURCES, 0, 10);
            }
        }
        assertNull(index.parse("der die das"));
    }

    /** An index whose files were damaged is detected on opening and starts empty, ready to be refilled. */
    @Test
    public void corrupt_index_is_replaced() throws IOException {
        index.close();
        Path dir = folder.getRoot().toPath().resolve("index");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith("segments")) {
                    Files.write(file, new byte[] {1, 2, 3});
                }
            }
        }
        index = new LuceneIndex(dir);
        assertTrue(index.fresh());
        assertEquals(0, index.size());
        index.close();
        index = new LuceneIndex(dir);
        assertFalse("the new empty index opens normally", index.fresh());
    }

    private List<String> paths(String text, Set<String> rings) throws IOException {
        return index.search(index.parse(text), new LuceneIndex.Viewer(rings, NOW), SOURCES, 0, 10).hits().stream()
                .map(LuceneIndex.Hit::path).toList();
    }

    private static SearchDocument doc(String id, String title, String text, Set<String> rings, Instant from) {
        return new SearchDocument("reports", id, title, text, "/berichte/" + id, rings, from);
    }
}
