package de.ringportal.content.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.DiffLine;
import de.ringportal.content.api.Versions;
import de.ringportal.core.testing.ConcurrentWrites;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/** The version store against a real in-memory Derby, migrated as core migrates it (core's {@code TestDatabase}). */
@RunWith(BothDatabases.class)
public class JdbcVersionsTest {

    private JdbcVersions versions;

    @Before
    public void setUp() {
        versions = new JdbcVersions(TestDatabase.migrated(JdbcVersions.class, "content"), null);
    }

    /** Numbers count up per item, independently for each item and kind; the list is newest first. */
    @Test
    public void numbers_count_up_per_item() {
        assertEquals(1, versions.save("news", "7", "Erika", "A", "kurz", "eins").number());
        assertEquals(2, versions.save("news", "7", "Erika", "B", "kurz", "zwei").number());
        assertEquals(1, versions.save("page", "7", "Erika", "Seite", "", "x").number());
        assertEquals(1, versions.save("news", "8", "Max", "C", "", "drei").number());

        List<ContentVersion> list = versions.list("news", "7");
        assertEquals(List.of(2, 1), list.stream().map(ContentVersion::number).toList());
        ContentVersion first = versions.get("news", "7", 1).orElseThrow();
        assertEquals("A", first.title());
        assertEquals("kurz", first.summary());
        assertEquals("eins", first.body());
        assertEquals("Erika", first.author());
        assertTrue(versions.get("news", "7", 3).isEmpty());
    }

    /** Comparing two stored versions marks the changed body line. */
    @Test
    public void diff_of_stored_versions() {
        ContentVersion one = versions.save("page", "impressum", "Erika", "Impressum", "", "a\nb");
        ContentVersion two = versions.save("page", "impressum", "Erika", "Impressum", "", "a\nc");
        List<DiffLine> diff = versions.diff(one, two);
        assertTrue(diff.contains(new DiffLine(DiffLine.Change.REMOVED, "b")));
        assertTrue(diff.contains(new DiffLine(DiffLine.Change.ADDED, "c")));
    }

    /** Numbers as a request sends them, in either order: older first; anything else, or another item's, is empty. */
    @Test
    public void compare_orders_the_versions_and_refuses_what_is_not_one() {
        versions.save("page", "impressum", "Erika", "Impressum", "", "a\nb");
        versions.save("page", "impressum", "Erika", "Impressum", "", "a\nc");
        Versions.Comparison comparison = versions.compare("page", "impressum", "2", "1").orElseThrow();
        assertEquals(1, comparison.older().number());
        assertEquals(2, comparison.newer().number());
        assertTrue(comparison.lines().contains(new DiffLine(DiffLine.Change.ADDED, "c")));
        for (String bad : new String[] {null, "", "x", "-1", "3", "1 OR 1=1", "9999999"}) {
            assertTrue(String.valueOf(bad), versions.compare("page", "impressum", "1", bad).isEmpty());
        }
        assertTrue(versions.compare("page", "datenschutz", "1", "2").isEmpty());
    }

    /** Deleting an item's versions leaves other items' alone. */
    @Test
    public void delete_all_is_per_item() {
        versions.save("news", "1", "Erika", "A", "", "x");
        versions.save("news", "2", "Erika", "B", "", "y");
        versions.deleteAll("news", "1");
        assertTrue(versions.list("news", "1").isEmpty());
        assertEquals(1, versions.list("news", "2").size());
    }

    /** Editors saving the same item at once: each save gets its own number, none is lost or doubled. */
    @Test
    public void concurrent_saves_of_one_item_get_distinct_numbers() throws Exception {
        ConcurrentWrites.Outcome<Integer> outcome = ConcurrentWrites.run(8,
                index -> versions.save("page", "impressum", "Redaktion " + index, "Impressum", "", "Text " + index)
                        .number());

        assertTrue(outcome.describeFailures(), outcome.failures().isEmpty());
        assertEquals(outcome.results().size(), new HashSet<>(outcome.results()).size());
        assertEquals(outcome.results().size(), versions.list("page", "impressum").size());
    }

    /** More than the store keeps is refused before it reaches the database. */
    @Test
    public void oversized_versions_are_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> versions.save("news", "1", "Erika", "T".repeat(Versions.MAX_TITLE + 1), "", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> versions.save("news", "1", "Erika", "T", "", "x".repeat(Versions.MAX_BODY + 1)));
        assertTrue(versions.list("news", "1").isEmpty());
    }
}
