package de.ringportal.municipalities.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.ringportal.core.api.RingMemberships;

/**
 * Which unit is in which ring in one year, asked of the rings module once for all units and kept until the rings
 * module posts a change ({@link RingChanges}: the generation rises), the registry changes, or at the latest for
 * {@link #KEEP_NANOS} (10 s; the safety net should an event be lost or Event Admin not run), so that a list page
 * costs one round of questions rather than one per request. Ring names are not kept here: the pages ask
 * {@link RingMemberships#ringName} on every request (the rings module answers from its own cache, emptied on every
 * change).
 */
final class RingIndex {

    static final long KEEP_NANOS = 10_000_000_000L;

    private record Answer(RingMemberships source, long registryVersion, long ringGeneration, int year, long at,
            Map<String, Set<String>> rings) {
    }

    private volatile Answer last;

    /**
     * Rings per unit in that year; empty when the rings module is absent.
     *
     * @param ringGeneration {@link RingChanges#generation()} now
     */
    Map<String, Set<String>> of(RingMemberships source, Registry.Snapshot snapshot, long ringGeneration, int year) {
        if (source == null) {
            return Map.of();
        }
        Answer answer = last;
        long now = System.nanoTime();
        if (answer != null && answer.source() == source && answer.year() == year
                && answer.registryVersion() == snapshot.version() && answer.ringGeneration() == ringGeneration
                && now - answer.at() < KEEP_NANOS) {
            return answer.rings();
        }
        Map<String, Set<String>> rings = new HashMap<>();
        for (Entry entry : snapshot.all()) {
            Set<String> of = source.ringsOf(entry.ags(), year);
            if (of != null && !of.isEmpty()) {
                rings.put(entry.ags(), Set.copyOf(of));
            }
        }
        last = new Answer(source, snapshot.version(), ringGeneration, year, now, Collections.unmodifiableMap(rings));
        return last.rings();
    }

    /** Every ring id that occurs, sorted numerically where they are numbers. */
    static List<String> ids(Map<String, Set<String>> rings) {
        TreeSet<String> ids = new TreeSet<>(RingIndex::compareIds);
        rings.values().forEach(ids::addAll);
        return List.copyOf(ids);
    }

    /** Numeric ids by number, before any others, which go alphabetically. */
    static int compareIds(String a, String b) {
        boolean na = a.matches("[0-9]{1,9}");
        boolean nb = b.matches("[0-9]{1,9}");
        return na && nb ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b))
                : na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    /**
     * The ring's display name from the rings module; where it fails (the bundle stopping during the request) or
     * answers nothing, "Vergleichsring" and the id.
     */
    static String name(RingMemberships source, String id) {
        try {
            String name = source == null ? null : source.ringName(id);
            return name == null || name.isBlank() ? Texts.ring(id) : name;
        } catch (RuntimeException e) {
            return Texts.ring(id);
        }
    }
}
