package de.ringportal.rings.internal;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.Test;
import org.mockito.ArgumentCaptor;

import de.ringportal.rings.api.Ring;

/** The demo assignment is deterministic and puts Landkreis Biberach in a ring; a normal start writes nothing. */
public class DemoDataTest {

    private static final List<Ring> SEVEN = IntStream.rangeClosed(1, 7)
            .mapToObj(n -> new Ring(Integer.toString(n), n, "Vergleichsring " + n, "", "")).toList();
    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    /** The same key always lands in the same ring; Biberach (08426) in ring 6 of 7. */
    @Test
    public void assignment_is_deterministic() {
        assertEquals("6", DemoData.ringFor("08426", SEVEN).id());
        assertEquals(DemoData.ringFor("05558", SEVEN), DemoData.ringFor("05558", SEVEN));
        assertEquals("1", DemoData.ringFor("00007", SEVEN).id());
    }

    /** Without the demo switch, nothing is written. */
    @Test
    public void normal_start_writes_nothing() {
        RingStore store = mock(RingStore.class);
        RingAreaStore area = mock(RingAreaStore.class);
        new DemoData(store, area, false, IN_2026);
        verifyNoInteractions(store, area);
    }

    /** With it, and even without the registry, Biberach is in its ring every year 2006–2026; each ring gets news. */
    @Test
    @SuppressWarnings("unchecked")
    public void demo_start_puts_biberach_in_a_ring_for_every_year() {
        RingStore store = mock(RingStore.class);
        RingAreaStore area = mock(RingAreaStore.class);
        when(store.rings()).thenReturn(SEVEN);
        new DemoData(store, area, true, IN_2026);
        ArgumentCaptor<List<RingStore.Membership>> added = ArgumentCaptor.forClass(List.class);
        verify(store).addMissingMemberships(added.capture());
        assertEquals(21, added.getValue().size());
        added.getValue().forEach(membership -> {
            assertEquals("6", membership.ringId());
            assertEquals("08426", membership.ags());
            assertEquals(true, membership.demo());
        });
        verify(area, times(14)).addAnnouncement(anyString(), anyString(), anyString(), anyString(), any(),
                anyBoolean());
        verify(store, never()).addMembership(anyString(), anyString(), any(Integer.class), anyString(), anyBoolean());
    }
}
