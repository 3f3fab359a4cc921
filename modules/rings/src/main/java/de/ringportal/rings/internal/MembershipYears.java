package de.ringportal.rings.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which rings count for access in a year. A municipality belongs to the rings recorded for that year; where no row
 * exists for that year (the rings' records end in 2011, say), the latest earlier year with rows counts, so members
 * keep their ring's internal area until someone records a newer membership. Later years never count: a membership
 * entered in advance does not open a ring early.
 */
final class MembershipYears {

    private MembershipYears() {
    }

    /** @param byYear the municipality's ring ids by year (any years) */
    static Set<String> effective(Map<Integer, Set<String>> byYear, int year) {
        Map.Entry<Integer, Set<String>> latest = new TreeMap<>(byYear).floorEntry(year);
        return latest == null ? Set.of() : Set.copyOf(latest.getValue());
    }

    /**
     * The year the public pages show: the one asked for if it is a valid year, else the latest year with
     * memberships up to the current one, else the current year.
     *
     * @param years years with memberships, ascending
     */
    static int displayYear(Optional<Integer> requested, List<Integer> years, int currentYear) {
        if (requested.isPresent()) {
            return requested.get();
        }
        int shown = currentYear;
        for (int year : years) {
            if (year <= currentYear) {
                shown = year;
            }
        }
        return years.stream().anyMatch(year -> year <= currentYear) ? shown : currentYear;
    }
}
