package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

import de.ringportal.benchmark.internal.Figure.Better;

public class StatsTest {

    /** Equal values share a rank and the next rank is skipped ("1, 2, 2, 4"). */
    @Test
    public void ties_share_a_rank_and_the_next_is_skipped() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("a", 10.0);
        values.put("b", 20.0);
        values.put("c", 20.0);
        values.put("d", 5.0);

        Map<String, Integer> higher = Stats.ranks(values, Better.HIGHER);
        assertEquals(Integer.valueOf(1), higher.get("b"));
        assertEquals(Integer.valueOf(1), higher.get("c"));
        assertEquals(Integer.valueOf(3), higher.get("a"));
        assertEquals(Integer.valueOf(4), higher.get("d"));

        Map<String, Integer> lower = Stats.ranks(values, Better.LOWER);
        assertEquals(Integer.valueOf(1), lower.get("d"));
        assertEquals(Integer.valueOf(2), lower.get("a"));
        assertEquals(Integer.valueOf(3), lower.get("b"));
        assertEquals(Integer.valueOf(3), lower.get("c"));
    }

    /** Odd count: the middle value; even count: the mean of the two middle values. */
    @Test
    public void median_of_odd_and_even_counts() {
        assertEquals(3.0, Stats.median(new double[] {5, 1, 3}), 1e-12);
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}), 1e-12);
        assertEquals(7.0, Stats.median(new double[] {7}), 1e-12);
        assertEquals(-1.5, Stats.median(new double[] {-1, -2}), 1e-12);
    }

    @Test
    public void mean_minimum_maximum_and_quartiles() {
        double[] values = {1, 2, 3, 4, 5};
        assertEquals(3.0, Stats.mean(values), 1e-12);
        assertEquals(1.0, Stats.min(values), 1e-12);
        assertEquals(5.0, Stats.max(values), 1e-12);
        assertEquals(2.0, Stats.quantile(values, 0.25), 1e-12);
        assertEquals(4.0, Stats.quantile(values, 0.75), 1e-12);
    }

    /** "Best" follows the figure's direction; a neutral figure has none. */
    @Test
    public void best_depends_on_the_direction() {
        double[] values = {12.5, 3.0, 8.0};
        assertEquals(12.5, Stats.best(values, Better.HIGHER).getAsDouble(), 1e-12);
        assertEquals(3.0, Stats.best(values, Better.LOWER).getAsDouble(), 1e-12);
        assertFalse(Stats.best(values, Better.NEUTRAL).isPresent());
        assertEquals(4.5, Stats.distanceToBest(12.5, 8.0), 1e-12);
        assertEquals(0.0, Stats.distanceToBest(3.0, 3.0), 1e-12);
    }

    /** The public view shows a group from five municipalities on, whatever a lower setting says. */
    @Test
    public void public_view_needs_at_least_five() {
        assertFalse(Stats.publishable(4, 5));
        assertTrue(Stats.publishable(5, 5));
        assertFalse(Stats.publishable(4, 1));
        assertTrue(Stats.publishable(5, 2));
        assertFalse(Stats.publishable(6, 8));
        assertTrue(Stats.publishable(8, 8));
    }
}
