package de.ringportal.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class RingChoiceTest {

    private static final Optional<List<RingChoice.Ring>> RINGS = Optional.of(List.of(
            new RingChoice.Ring("3", "Vergleichsring 3"),
            new RingChoice.Ring("4", "Vergleichsring 4: verdichtete Kreise")));

    @Test
    public void an_existing_ring_and_the_public_audience_are_accepted() {
        assertNull(RingChoice.unknownRing(RINGS, "4"));
        assertNull(RingChoice.unknownRing(RINGS, null));
    }

    @Test
    public void a_ring_the_rings_module_does_not_know_is_refused_in_german() {
        assertEquals("Diesen Vergleichsring gibt es nicht. Bitte wählen Sie einen Ring aus der Liste.",
                RingChoice.unknownRing(RINGS, "99"));
        assertEquals("Diesen Vergleichsring gibt es nicht. Bitte wählen Sie einen Ring aus der Liste.",
                RingChoice.unknownRing(Optional.of(List.of()), "4"));
    }

    @Test
    public void without_the_rings_module_any_well_formed_id_passes_this_check() {
        assertNull(RingChoice.unknownRing(Optional.empty(), "99"));
    }

    @Test
    public void names_come_from_the_rings_module_else_the_id() {
        assertEquals("Vergleichsring 4: verdichtete Kreise", RingChoice.name(RINGS, "4"));
        assertEquals("Ring 9", RingChoice.name(RINGS, "9"));
        assertEquals("Ring 4", RingChoice.name(Optional.empty(), "4"));
    }
}
