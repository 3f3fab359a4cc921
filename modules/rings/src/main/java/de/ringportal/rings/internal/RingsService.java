package de.ringportal.rings.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.RingMemberships;
import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;

/**
 * The rings for other modules ({@link Rings}: exact years) and for core's access rules ({@link RingMemberships}:
 * the year's membership, else that of the latest earlier year with data, see {@link MembershipYears}).
 */
@Component(service = { Rings.class, RingMemberships.class })
public class RingsService implements Rings, RingMemberships {

    private final RingStore store;

    @Activate
    public RingsService(@Reference RingStore store) {
        this.store = store;
    }

    @Override
    public List<Ring> all() {
        return store.rings();
    }

    @Override
    public Optional<Ring> byId(String id) {
        return id == null ? Optional.empty() : store.ring(id);
    }

    @Override
    public List<String> members(String ringId, int year) {
        return store.memberships(ringId, year).stream().map(RingStore.Membership::ags).sorted().toList();
    }

    @Override
    public Optional<Ring> ringOf(String ags, int year) {
        return store.ringOf(ags, year).flatMap(store::ring);
    }

    @Override
    public Set<String> ringsOf(String municipality, int year) {
        if (municipality == null || !Inputs.isAgs(municipality)) {
            return Set.of();
        }
        return MembershipYears.effective(store.ringsByYear(municipality, year), year);
    }

    /** The ring's name as the Redaktion gave it (read through the store's cache, emptied on every change). */
    @Override
    public String ringName(String ringId) {
        return byId(ringId).map(Ring::name).orElseGet(() -> RingMemberships.super.ringName(ringId));
    }
}
