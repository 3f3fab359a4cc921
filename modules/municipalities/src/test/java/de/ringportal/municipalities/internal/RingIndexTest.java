package de.ringportal.municipalities.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import de.ringportal.core.api.RingMemberships;

public class RingIndexTest {

    private static final Entry COESFELD = new Entry("05558", "Kreis Coesfeld", "Landkreis", "Nordrhein-Westfalen",
            2005, null, null, null, true, null, null, "belegt", "Quelle");
    private static final Registry.Snapshot SNAPSHOT = new Registry.Snapshot(1, List.of(COESFELD),
            Map.of(COESFELD.ags(), COESFELD), Map.of(COESFELD.ags(), 0), Map.of());

    /** A rings module whose answer can change, counting the questions. */
    private static final class Rings implements RingMemberships {
        final AtomicReference<Set<String>> rings = new AtomicReference<>(Set.of("4"));
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Set<String> ringsOf(String municipality, int year) {
            asked.incrementAndGet();
            return rings.get();
        }
    }

    @Test
    public void the_answer_is_kept_while_nothing_changes() {
        Rings rings = new Rings();
        RingIndex index = new RingIndex();
        assertEquals(Map.of("05558", Set.of("4")), index.of(rings, SNAPSHOT, 0, 2026));
        index.of(rings, SNAPSHOT, 0, 2026);
        assertEquals(1, rings.asked.get());
    }

    @Test
    public void a_change_event_makes_the_next_request_ask_again() {
        Rings rings = new Rings();
        RingIndex index = new RingIndex();
        index.of(rings, SNAPSHOT, 0, 2026);
        rings.rings.set(Set.of("2"));
        assertEquals("generation 1: the rings module posted a change", Map.of("05558", Set.of("2")),
                index.of(rings, SNAPSHOT, 1, 2026));
        assertEquals(2, rings.asked.get());
    }

    @Test
    public void numeric_ids_sort_by_number_before_other_ids() {
        assertEquals(List.of("2", "4", "10", "nord"), RingIndex.ids(Map.of("a", Set.of("10", "nord"), "b",
                Set.of("4", "2"))));
    }

    @Test
    public void names_come_from_the_rings_module_and_fall_back_to_the_id() {
        RingMemberships named = new RingMemberships() {
            @Override
            public Set<String> ringsOf(String municipality, int year) {
                return Set.of();
            }

            @Override
            public String ringName(String ringId) {
                if ("5".equals(ringId)) {
                    throw new IllegalStateException("bundle stopping");
                }
                return "4".equals(ringId) ? "Vergleichsring 4: verdichtete Kreise" : null;
            }
        };
        assertEquals("Vergleichsring 4: verdichtete Kreise", RingIndex.name(named, "4"));
        assertEquals("Vergleichsring 7", RingIndex.name(named, "7"));
        assertEquals("Vergleichsring 5", RingIndex.name(named, "5"));
        assertEquals("the interface's default", "Vergleichsring 3", RingIndex.name((ags, year) -> Set.of(), "3"));
    }
}
