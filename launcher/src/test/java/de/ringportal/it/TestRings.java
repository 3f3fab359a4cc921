package de.ringportal.it;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.ringportal.core.api.RingMemberships;
import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;

/**
 * Rings for a test, registered (ranked high) as the rings module's {@link Rings} and as core's
 * {@link RingMemberships}, so that the pages and core's access rules agree on who is in which ring. A test says
 * which rings there are and who is a member in which year; the rest follows.
 */
abstract class TestRings implements Rings, RingMemberships {

    /** The service interfaces to register an instance under. */
    static final String[] SERVICES = {Rings.class.getName(), RingMemberships.class.getName()};

    private final List<Ring> rings;

    TestRings(Ring... rings) {
        this.rings = List.of(rings);
    }

    @Override
    public List<Ring> all() {
        return rings;
    }

    @Override
    public Optional<Ring> byId(String id) {
        return rings.stream().filter(ring -> ring.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Ring> ringOf(String ags, int year) {
        return rings.stream().filter(ring -> members(ring.id(), year).contains(ags)).findFirst();
    }

    @Override
    public Set<String> ringsOf(String municipality, int year) {
        return ringOf(municipality, year).map(ring -> Set.of(ring.id())).orElse(Set.of());
    }
}
