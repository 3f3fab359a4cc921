package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import de.ringportal.benchmark.internal.Figure.Better;
import de.ringportal.benchmark.internal.Figure.Kind;
import de.ringportal.benchmark.internal.Figure.Periodicity;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;

public class RingComparisonTest {

    static final Figure KDU = new Figure("KDU", "Kosten der Unterkunft", "Wirtschaftlichkeit", "Ausgaben", "BG", "EUR",
            Better.LOWER, Periodicity.YEARLY, "Quelle", Kind.RATIO, 1, 0, 5000, 10);

    private static StoredValue value(String ags, double value) {
        return new StoredValue(ags, "KDU", "2024", null, null, value, null, true, "x", false, "x", Instant.EPOCH);
    }

    /** Lower is better: the lowest value ranks first and is named; ties share a rank; members without value last. */
    @Test
    public void ring_table_ranks_marks_the_best_and_lists_missing_members_last() {
        RingComparison comparison = RingComparison.of(KDU, "2024", List.of("A", "B", "C", "D", "E"),
                Map.of("A", value("A", 500), "B", value("B", 400), "C", value("C", 500), "E", value("E", 450)),
                ags -> "Kommune " + ags, "C");

        assertEquals(List.of("B", "E", "A", "C", "D"), comparison.rows().stream().map(RingComparison.Row::ags)
                .toList());
        assertEquals(List.of(1, 2, 3, 3), comparison.rows().stream().limit(4).map(RingComparison.Row::rank).toList());
        assertNull(comparison.rows().get(4).value());
        assertEquals(List.of("Kommune B"), comparison.bestNames());
        assertEquals(400.0, comparison.best(), 0);
        assertEquals(100.0, comparison.rows().get(2).distance(), 0);
        assertTrue(comparison.rows().get(3).own());
        assertEquals(4, comparison.reported());
        assertEquals(462.5, comparison.mean(), 1e-9);
        assertEquals(475.0, comparison.median(), 1e-9);
        assertEquals(400.0, comparison.min(), 0);
        assertEquals(500.0, comparison.max(), 0);
    }

    /** Values of municipalities outside the ring never enter its table. */
    @Test
    public void values_of_non_members_are_ignored() {
        RingComparison comparison = RingComparison.of(KDU, "2024", List.of("A"),
                Map.of("A", value("A", 500), "Z", value("Z", 1)), ags -> ags, null);
        assertEquals(1, comparison.rows().size());
        assertEquals(500.0, comparison.best(), 0);
    }

    /**
     * Values are entered for the own municipality only. (Who sees a ring's or a municipality's values of a year is
     * core's rule now, tested in AccessImplTest.)
     */
    @Test
    public void only_the_own_municipality_may_be_entered() {
        Viewer member = new Viewer("m", "M", "08426", Set.of(Role.RINGMITGLIED));
        Viewer editor = new Viewer("r", "R", null, Set.of(Role.REDAKTION));

        assertTrue(Rules.mayEnterFor(member, "08426"));
        assertFalse(Rules.mayEnterFor(member, "08435"));
        assertFalse(Rules.mayEnterFor(editor, "08426"));
    }
}
