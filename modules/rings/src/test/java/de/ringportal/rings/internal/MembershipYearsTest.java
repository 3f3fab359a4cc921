package de.ringportal.rings.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

/** Which ring counts for access in a year, and which year the public pages show. */
public class MembershipYearsTest {

    /** Coesfeld is recorded in ring 4 for 2011 only (the seed data) and, in this example, in ring 2 for 2013. */
    private static final Map<Integer, Set<String>> COESFELD = Map.of(2011, Set.of("4"), 2013, Set.of("2"));

    /** A year with rows counts as it is. */
    @Test
    public void the_years_own_membership_counts() {
        assertEquals(Set.of("4"), MembershipYears.effective(COESFELD, 2011));
        assertEquals(Set.of("2"), MembershipYears.effective(COESFELD, 2013));
    }

    /** Without rows for the year, the latest earlier year with rows counts: 2012 and 2026 fall back. */
    @Test
    public void a_year_without_rows_falls_back_to_the_latest_earlier_year() {
        assertEquals(Set.of("4"), MembershipYears.effective(COESFELD, 2012));
        assertEquals(Set.of("2"), MembershipYears.effective(COESFELD, 2026));
    }

    /** Before the first recorded year, or without any rows, the municipality is in no ring; later rows never count. */
    @Test
    public void no_ring_before_the_first_recorded_year() {
        assertEquals(Set.of(), MembershipYears.effective(COESFELD, 2010));
        assertEquals(Set.of(), MembershipYears.effective(Map.of(), 2026));
    }

    /** The public pages show the year asked for, else the latest year with data up to now, else this year. */
    @Test
    public void display_year_prefers_request_then_latest_recorded_year() {
        assertEquals(2008, MembershipYears.displayYear(Optional.of(2008), List.of(2011), 2026));
        assertEquals(2011, MembershipYears.displayYear(Optional.empty(), List.of(2006, 2011), 2026));
        assertEquals(2026, MembershipYears.displayYear(Optional.empty(), List.of(2011, 2026, 2030), 2026));
        assertEquals(2026, MembershipYears.displayYear(Optional.empty(), List.of(), 2026));
        assertEquals(2026, MembershipYears.displayYear(Optional.empty(), List.of(2030), 2026));
    }
}
