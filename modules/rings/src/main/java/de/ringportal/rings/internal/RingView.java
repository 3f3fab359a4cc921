package de.ringportal.rings.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import de.ringportal.rings.api.Ring;

/**
 * A ring with its members of one year, as the overview's cards and the ring's page show it ({@code members},
 * {@code map}).
 *
 * @param sources  where the memberships are documented, each once
 * @param map      the inline SVG map, null for none
 * @param mayEnter whether the viewer may enter the ring's internal area
 */
record RingView(String id, int number, String name, String description, String moderator, int year,
        List<Member> members, List<String> sources, boolean demoMembers, String map, boolean mayEnter) {

    /** A member municipality: its name from the registry, else its Kreisschlüssel ({@code named} false). */
    record Member(String ags, String name, boolean named, boolean demo) {
    }

    /**
     * Names come from the registry where it runs, else the Kreisschlüssel; {@code map} draws the map from its title
     * and the members' keys (null for none).
     */
    static RingView of(Ring ring, List<RingStore.Membership> memberships, Registry.Snapshot names, int year,
            BiFunction<String, Set<String>, String> map, boolean mayEnter) {
        Set<String> sources = new LinkedHashSet<>();
        Set<String> agsSet = new LinkedHashSet<>();
        for (RingStore.Membership membership : memberships) {
            agsSet.add(membership.ags());
            if (!membership.source().isEmpty()) {
                sources.add(membership.source());
            }
        }
        List<Member> members = memberships.stream().map(membership -> {
            String name = names.nameOf(membership.ags());
            return new Member(membership.ags(), name, !name.equals(membership.ags()), membership.demo());
        }).sorted(Comparator.comparing(Member::name)).toList();
        return new RingView(ring.id(), ring.number(), ring.name(), ring.description(), ring.moderator(), year,
                members, List.copyOf(sources), memberships.stream().anyMatch(RingStore.Membership::demo),
                map.apply("Mitglieder von „" + ring.name() + "“ im Jahr " + year, agsSet), mayEnter);
    }

    int memberCount() {
        return members.size();
    }

    String memberLine() {
        return (members.size() == 1 ? "1 Mitglied" : members.size() + " Mitglieder") + " im Jahr " + year;
    }

    boolean hasMembers() {
        return !members.isEmpty();
    }

    boolean hasSources() {
        return !sources.isEmpty();
    }
}
