package de.ringportal.municipalities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/** The registry against a real (in-memory) Derby: seeding, edits, mergers and renames, each seen at once. */
@RunWith(BothDatabases.class)
public class RegistryTest {

    private final DataSource database = TestDatabase.migrated(Registry.class, "municipalities");

    /** First start: the seed file fills the table; a second start leaves it as it is. */
    @Test
    public void seeds_once() {
        Registry registry = new Registry(database, () -> getClass().getClassLoader().getResourceAsStream(Registry.SEED));
        assertEquals(119, registry.all().size());
        registry.writes().rename("08426", "Landkreis Biberach an der Riß", LocalDate.of(2030, 1, 1), "test");
        Registry again = new Registry(database, () -> {
            throw new AssertionError("no second seeding");
        });
        assertEquals("Landkreis Biberach an der Riß", again.byAgs("08426").orElseThrow().name());
    }

    /** A merger ends the unit, links it to its successor, is in the history, and the count follows. */
    @Test
    public void merger_is_recorded_and_counted() {
        Registry registry = new Registry(database, () -> getClass().getClassLoader().getResourceAsStream(Registry.SEED));
        long before = registry.snapshot().version();
        int countBefore = new AdmissionHistory(registry.snapshot().all()).on(LocalDate.of(2031, 1, 1)).total();
        registry.writes().recordMerger(List.of("05558"), "05554", LocalDate.of(2030, 12, 31), "redaktion");
        Entry coesfeld = registry.entry("05558").orElseThrow();
        assertEquals(LocalDate.of(2030, 12, 31), coesfeld.until());
        assertEquals("05554", coesfeld.successorAgs());
        assertTrue(registry.snapshot().version() > before);
        assertEquals(countBefore - 1, new AdmissionHistory(registry.snapshot().all()).on(LocalDate.of(2031, 1, 1))
                .total());
        assertEquals(1, registry.predecessorsOf("05554").size());
        assertEquals("redaktion", registry.changes("05558").get(0).actor());
        assertTrue(registry.activeOn(LocalDate.of(2031, 1, 1)).stream().noneMatch(m -> m.ags().equals("05558")));
    }

    /** A rename keeps the old name among the former names. */
    @Test
    public void rename_keeps_the_old_name() {
        Registry registry = new Registry(database, () -> getClass().getClassLoader().getResourceAsStream(Registry.SEED));
        registry.writes().rename("03358", "Heidekreis", LocalDate.of(2030, 1, 1), "redaktion");
        Entry entry = registry.entry("03358").orElseThrow();
        assertEquals("Heidekreis", entry.name());
        assertEquals("Landkreis Soltau-Fallingbostel (umbenannt 2011); Landkreis Heidekreis (bis 2029-12-31)",
                entry.formerNames());
    }

    /** An import replaces everything in one go. */
    @Test
    public void import_replaces_everything() {
        Registry registry = new Registry(database, () -> getClass().getClassLoader().getResourceAsStream(Registry.SEED));
        registry.writes().replaceAll(Seed.entries().subList(0, 3), "Import", "redaktion");
        assertEquals(3, registry.all().size());
    }
}
