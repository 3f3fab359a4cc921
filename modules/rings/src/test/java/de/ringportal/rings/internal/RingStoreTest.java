package de.ringportal.rings.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.rings.api.Ring;

/**
 * The rings' migration and store on an in-memory Derby: the seed data, one ring per municipality and year, the
 * access fallback to the latest recorded year, and that every write is visible at once despite the store's cache.
 */
@RunWith(BothDatabases.class)
public class RingStoreTest {

    private RingStore store;
    private RingAreaStore area;
    private RingsService rings;

    @Before
    public void migrate() {
        // core's real migration over this module's folder only: the registry's scripts are on the class path too
        DataSource dataSource = TestDatabase.migrated(RingStore.class, "rings");
        store = new RingStore(dataSource, mock(ModuleSchema.class));
        area = new RingAreaStore(dataSource, mock(ModuleSchema.class));
        rings = new RingsService(store);
    }

    /** Seven rings; ring 4 holds exactly the four documented members, in 2011, with their source. */
    @Test
    public void seed_data_is_seven_rings_and_ring_4s_documented_members() {
        assertEquals(7, rings.all().size());
        assertEquals("Vergleichsring 4: verdichtete Kreise", rings.byId("4").orElseThrow().name());
        assertEquals(List.of("05554", "05558", "05566", "09679"), rings.members("4", 2011));
        assertEquals(List.of(), rings.members("4", 2010));
        assertEquals(List.of(2011), store.years());
        assertTrue(store.memberships("4", 2011).get(0).source().contains("SV-7-0669"));
        assertEquals("4", rings.ringOf("05558", 2011).orElseThrow().id());
        assertEquals(Optional.empty(), rings.ringOf("05558", 2012));
    }

    /** Access by year: Coesfeld counts in ring 4 this year through the 2011 rows, until a newer year is recorded. */
    @Test
    public void access_falls_back_to_the_latest_recorded_year() {
        assertEquals(Set.of("4"), rings.ringsOf("05558", 2026));
        assertEquals(Set.of(), rings.ringsOf("05558", 2010));
        assertEquals(Set.of(), rings.ringsOf("08426", 2026));
        assertEquals(Set.of(), rings.ringsOf("' OR 1=1", 2026));

        assertTrue(store.addMembership("2", "05558", 2020, "", false));

        assertEquals(Set.of("2"), rings.ringsOf("05558", 2026));
        assertEquals(Set.of("4"), rings.ringsOf("05558", 2019));
    }

    /** One ring per municipality and year: a second assignment is refused; removal frees the year. */
    @Test
    public void one_ring_per_municipality_and_year() {
        assertFalse(store.addMembership("3", "05558", 2011, "", false));
        assertEquals(List.of(), rings.members("3", 2011));
        assertTrue(store.removeMembership("4", "05558", 2011));
        assertTrue(store.addMembership("3", "05558", 2011, "", false));
        assertEquals("3", rings.ringOf("05558", 2011).orElseThrow().id());

        int added = store.addMissingMemberships(List.of(
                new RingStore.Membership("6", "05558", 2011, DemoData.DEMO_SOURCE, true),
                new RingStore.Membership("6", "08426", 2011, DemoData.DEMO_SOURCE, true),
                new RingStore.Membership("6", "08426", 2011, DemoData.DEMO_SOURCE, true)));
        assertEquals("existing rows win, duplicates count once", 1, added);
        assertEquals("3", rings.ringOf("05558", 2011).orElseThrow().id());
    }

    /** Renaming, adding and deleting rings shows at once; deleting takes the ring's content with it. */
    @Test
    public void ring_changes_are_visible_at_once() {
        store.updateRing("1", "Ring der Großstädte", "Beschreibung", "Moderation: Frau Demo");
        assertEquals("Ring der Großstädte", rings.byId("1").orElseThrow().name());
        Ring eighth = store.addRing("Vergleichsring 8", "", "");
        assertEquals(8, eighth.number());
        assertEquals(8, rings.all().size());

        area.addAnnouncement("4", "Titel", "Text", "Autor", java.time.Instant.now(), false);
        area.addMeeting("4", java.time.LocalDate.of(2011, 5, 3), "Coesfeld", "", "", false);
        area.addContact("4", "05558", "Erika Beispiel", "", "", "", false);
        assertEquals("[4, 1, 1, 1]", java.util.Arrays.toString(store.contentCounts("4")));
        store.deleteRing("4");
        assertEquals(Optional.empty(), rings.byId("4"));
        assertEquals(List.of(), rings.members("4", 2011));
        assertEquals("[0, 0, 0, 0]", java.util.Arrays.toString(store.contentCounts("4")));
        assertEquals(Map.of(), store.membershipsByRing(2011));
    }

    /** Hostile text is stored as it was typed, and read back unchanged (escaping is the template's job). */
    @Test
    public void hostile_text_is_stored_verbatim() {
        String hostile = "<script>alert(1)</script>'; DROP TABLE ring; --";
        area.addAnnouncement("4", hostile, hostile, "Autor", java.time.Instant.now(), false);
        assertEquals(hostile, area.announcements("4", 0, 10).get(0).title());
        assertEquals(7, rings.all().size());
    }

    /** Every change of a ring or a membership is posted for other modules' caches; announcements are not. */
    @Test
    public void ring_and_membership_changes_post_a_change_event_and_names_follow_renames() {
        List<org.osgi.service.event.Event> posted = new java.util.ArrayList<>();
        store.eventAdmin(new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                throw new AssertionError("changes are posted asynchronously, not sent");
            }
        });
        assertEquals("Vergleichsring 4: verdichtete Kreise", rings.ringName("4"));
        assertEquals("unknown ids keep the interface's default", "Vergleichsring 99", rings.ringName("99"));

        Ring added = store.addRing("Vergleichsring 8", "", "");
        store.updateRing("4", "Vergleichsring 4: Kreise im Umland", "", "");
        assertEquals("Vergleichsring 4: Kreise im Umland", rings.ringName("4"));
        store.addMembership(added.id(), "08426", 2012, "", false);
        assertFalse("taken: no row, no event", store.addMembership("4", "08426", 2012, "", false));
        store.removeMembership(added.id(), "08426", 2012);
        area.addAnnouncement("4", "Titel", "Text", "Autor", java.time.Instant.now(), false);
        store.deleteRing(added.id());

        List<String> seen = posted.stream().map(event -> {
            assertEquals(de.ringportal.rings.api.Rings.TOPIC_CHANGED, event.getTopic());
            return event.getProperty(de.ringportal.rings.api.Rings.EVENT_RING) + ":"
                    + event.getProperty(de.ringportal.rings.api.Rings.EVENT_CHANGE);
        }).toList();
        assertEquals(List.of("8:created", "4:updated", "8:members", "8:members", "8:deleted"), seen);
        assertEquals("de/ringportal/rings/CHANGED", de.ringportal.core.api.RingMemberships.TOPIC_CHANGED);
    }
}
