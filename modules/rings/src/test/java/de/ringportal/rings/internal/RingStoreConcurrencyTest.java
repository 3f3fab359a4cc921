package de.ringportal.rings.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.testing.ConcurrentWrites;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.rings.api.Ring;

/**
 * The Redaktion and moderators saving at the same moment into one database: new rings, announcements and
 * memberships are each stored once or refused as busy, never failing, never doubled.
 */
@RunWith(BothDatabases.class)
public class RingStoreConcurrencyTest {

    private static final int WRITERS = 16;

    private DataSource dataSource;
    private RingStore store;
    private RingAreaStore area;

    @Before
    public void open() {
        dataSource = TestDatabase.migrated(RingStore.class, "rings");
        store = new RingStore(dataSource, mock(ModuleSchema.class));
        area = new RingAreaStore(dataSource, mock(ModuleSchema.class));
    }

    /** Rings added while announcements are posted: each new ring gets its own number, each post one row. */
    @Test
    public void rings_and_announcements_saved_at_once_are_each_stored_once() throws Exception {
        ConcurrentWrites.Outcome<String> outcome = ConcurrentWrites.run(WRITERS, index -> {
            if (index % 2 == 0) {
                Ring ring = store.addRing("Neuer Ring", "Beschreibung", "");
                return "ring " + ring.id();
            }
            area.addAnnouncement("4", "Hinweis", "Text " + index, "Moderation", Instant.now(), false);
            return "announcement " + index;
        });

        assertTrue(outcome.describeFailures(), outcome.failures().isEmpty());
        assertEquals(WRITERS, outcome.results().size() + outcome.busy());
        assertEquals(outcome.results().size(), new HashSet<>(outcome.results()).size());
        long rings = outcome.results().stream().filter(result -> result.startsWith("ring ")).count();
        long announcements = outcome.results().size() - rings;
        assertTrue("every save refused as busy", rings > 0 && announcements > 0);
        assertEquals(7 + rings, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM ring"));
        assertEquals(7 + rings, TestDatabase.count(dataSource, "SELECT COUNT(DISTINCT number) FROM ring"));
        assertEquals(announcements, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM ring_announcement"));
        for (String result : outcome.results()) {
            if (result.startsWith("ring ")) {
                assertEquals("Neuer Ring", store.ring(result.substring(5)).orElseThrow().name());
            }
        }
    }

    /** The same municipality assigned for one year by several people at once: exactly one membership wins. */
    @Test
    public void same_membership_at_once_is_stored_once() throws Exception {
        ConcurrentWrites.Outcome<Boolean> outcome = ConcurrentWrites.run(WRITERS,
                index -> store.addMembership(Integer.toString(1 + index % 7), "05554", 2012, "", false));
        ConcurrentWrites.Outcome<Integer> seeds = ConcurrentWrites.run(WRITERS, index -> store.addMissingMemberships(
                List.of(new RingStore.Membership("5", "05558", 2012, "", true),
                        new RingStore.Membership("5", "09679", 2012, "", true))));

        assertTrue(outcome.describeFailures() + seeds.describeFailures(),
                outcome.failures().isEmpty() && seeds.failures().isEmpty());
        assertEquals(1, outcome.results().stream().filter(Boolean::booleanValue).count());
        assertEquals(2, seeds.results().stream().mapToInt(Integer::intValue).sum());
        assertEquals(3,
                TestDatabase.count(dataSource, "SELECT COUNT(*) FROM ring_membership WHERE member_year = 2012"));
        assertEquals(Set.of("05554", "05558", "09679"), Set.copyOf(store.membershipsByRing(2012).values().stream()
                .flatMap(List::stream).map(RingStore.Membership::ags).toList()));
    }
}
