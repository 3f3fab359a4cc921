package de.ringportal.municipalities.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.ringportal.core.api.RingMemberships;

/**
 * Which unit is in which ring in one year, asked of the rings module once for all units and kept for a few seconds,
 * so that a list page costs one round of questions rather than one per request.
 */
final class RingIndex {

    private static final long KEEP_NANOS = 10_000_000_000L;

    private record Answer(RingMemberships source, long registryVersion, int year, long at, Map<String, Set<String>> rings) {
    }

    private volatile Answer last;

    /** Rings per unit in that year; empty when the rings module is absent. */
    Map<String, Set<String>> of(RingMemberships source, Registry.Snapshot snapshot, int year) {
        if (source == null) {
            return Map.of();
        }
        Answer answer = last;
        long now = System.nanoTime();
        if (answer != null && answer.source() == source && answer.year() == year
                && answer.registryVersion() == snapshot.version() && now - answer.at() < KEEP_NANOS) {
            return answer.rings();
        }
        Map<String, Set<String>> rings = new HashMap<>();
        for (Entry entry : snapshot.all()) {
            Set<String> of = source.ringsOf(entry.ags(), year);
            if (of != null && !of.isEmpty()) {
                rings.put(entry.ags(), Set.copyOf(of));
            }
        }
        last = new Answer(source, snapshot.version(), year, now, Collections.unmodifiableMap(rings));
        return last.rings();
    }

    /** Every ring id that occurs, sorted numerically where they are numbers. */
    static List<String> ids(Map<String, Set<String>> rings) {
        TreeSet<String> ids = new TreeSet<>((a, b) -> {
            boolean na = a.matches("[0-9]{1,9}");
            boolean nb = b.matches("[0-9]{1,9}");
            return na && nb ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
        });
        rings.values().forEach(ids::addAll);
        return List.copyOf(ids);
    }
}
