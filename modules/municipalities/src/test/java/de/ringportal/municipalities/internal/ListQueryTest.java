package de.ringportal.municipalities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

/** Filters and order of the list, read from the address. */
public class ListQueryTest {

    private final List<Entry> seed = Seed.entries();

    private static ListQuery query(Map<String, String> parameters) {
        return ListQuery.of(parameters::get, Set.of("2005", "2012", "2014"), Set.of("4"));
    }

    /** Land, type, year and status combine: 15 merged units, 2 of them admitted for 2012 (merged in 2011). */
    @Test
    public void filters_combine() {
        assertEquals(15, seed.stream().filter(query(Map.of("status", "aufgeloest")).filter(a -> Set.of())).count());
        assertEquals(2, seed.stream().filter(query(Map.of("status", "aufgeloest", "jahr", "2012"))
                .filter(a -> Set.of())).count());
        long nrwCities = seed.stream().filter(query(Map.of("land", "Nordrhein-Westfalen", "art", "Kreisfreie Stadt"))
                .filter(a -> Set.of())).count();
        assertEquals(seed.stream().filter(e -> e.state().equals("Nordrhein-Westfalen")
                && e.type().equals("Kreisfreie Stadt")).count(), nrwCities);
        assertEquals(41, seed.stream().filter(query(Map.of("jahr", "2012")).filter(a -> Set.of())).count());
    }

    /** The ring filter asks the rings of each unit. */
    @Test
    public void ring_filter_uses_the_memberships() {
        Map<String, Set<String>> rings = Map.of("05558", Set.of("4"), "05554", Set.of("4"), "08426", Set.of("3"));
        assertEquals(2, seed.stream().filter(query(Map.of("ring", "4"))
                .filter(a -> rings.getOrDefault(a, Set.of()))).count());
    }

    /** Values the list does not offer are dropped, hostile ones included. */
    @Test
    public void unknown_values_are_ignored() {
        ListQuery query = query(Map.of("land", "<script>", "jahr", "' OR 1=1", "sortierung", "../etc", "ring", "9"));
        assertNull(query.state());
        assertNull(query.year());
        assertNull(query.ring());
        assertEquals("name", query.sort());
        assertEquals(seed.size(), seed.stream().filter(query.filter(a -> Set.of())).count());
    }

    /** Order by population descending puts the largest first and the units without figures last. */
    @Test
    public void order_by_population_descending_keeps_unknown_last() {
        Population population = Population.bundled();
        Map<String, Integer> rank = new java.util.HashMap<>();
        seed.forEach(e -> rank.put(e.ags(), rank.size()));
        List<Entry> sorted = seed.stream().sorted(query(Map.of("sortierung", "einwohner", "richtung", "ab"))
                .order(a -> population.of(a).map(Population.Figures::population).orElse(null), rank::get)).toList();
        int largest = seed.stream().mapToInt(e -> population.of(e.ags()).map(Population.Figures::population).orElse(0))
                .max().orElseThrow();
        assertEquals(largest, population.of(sorted.get(0).ags()).orElseThrow().population());
        assertEquals("Landeshauptstadt Stuttgart", sorted.get(0).name());
        assertNull(population.of(sorted.get(sorted.size() - 1).ags()).orElse(null));
    }

    /** Links keep the filters and drop the defaults. */
    @Test
    public void links_carry_the_filters() {
        assertEquals("/kommunen?land=Baden-W%C3%BCrttemberg&richtung=ab&",
                query(Map.of("land", "Baden-Württemberg", "richtung", "ab")).link(Map.of()));
    }
}
