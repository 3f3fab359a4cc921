package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import de.ringportal.benchmark.internal.Figure.Better;
import de.ringportal.benchmark.internal.Figure.Kind;
import de.ringportal.benchmark.internal.Figure.Periodicity;
import de.ringportal.benchmark.internal.Plausibility.Input;
import de.ringportal.benchmark.internal.Plausibility.Result;

public class PlausibilityTest {

    static final Figure QUOTE = new Figure("K2", "Integrationsquote", "Ziel", "Integrationen", "Bestand", "%",
            Better.HIGHER, Periodicity.MONTHLY, "Quelle", Kind.RATIO, 100, 0, 100, 10);
    static final Figure CHANGE = new Figure("K1", "Veränderung", "Ziel", "Summe", "Summe Vorjahr", "%",
            Better.LOWER, Periodicity.MONTHLY, "Quelle", Kind.CHANGE, 100, -100, 500, 20);

    /** Numerator and denominator give the value (with German separators). */
    @Test
    public void value_is_computed_from_numerator_and_denominator() {
        Result result = Plausibility.check(QUOTE, new Input("1.250", "5.000", "", ""), null, 30);
        assertTrue(result.errors().toString(), result.ok());
        assertEquals(25.0, result.value(), 1e-9);
        assertEquals(1250.0, result.numerator(), 1e-9);

        Result change = Plausibility.check(CHANGE, new Input("1.100", "1.000", "", ""), null, 30);
        assertEquals(10.0, change.value(), 1e-9);
    }

    @Test
    public void value_may_be_entered_directly() {
        Result result = Plausibility.check(QUOTE, new Input("", "", "23,4", ""), null, 30);
        assertTrue(result.ok());
        assertEquals(23.4, result.value(), 1e-9);
        assertNull(result.numerator());
    }

    @Test
    public void empty_input_saves_nothing_and_is_no_error() {
        Result result = Plausibility.check(QUOTE, new Input("", " ", null, ""), null, 30);
        assertTrue(result.empty());
    }

    @Test
    public void denominator_zero_is_refused() {
        Result result = Plausibility.check(QUOTE, new Input("5", "0", "", ""), null, 30);
        assertEquals("Der Nenner darf nicht 0 sein.", result.errors().get("nenner"));
        assertNull(result.value());
    }

    @Test
    public void negative_counts_are_refused() {
        Result result = Plausibility.check(QUOTE, new Input("-5", "100", "", ""), null, 30);
        assertTrue(result.errors().get("zaehler").contains("nicht negativ"));
    }

    @Test
    public void only_numerator_or_only_denominator_is_refused() {
        assertFalse(Plausibility.check(QUOTE, new Input("5", "", "", ""), null, 30).ok());
        assertFalse(Plausibility.check(QUOTE, new Input("", "5", "", ""), null, 30).ok());
    }

    @Test
    public void values_outside_the_range_are_refused() {
        Result result = Plausibility.check(QUOTE, new Input("", "", "100,5", ""), null, 30);
        assertTrue(result.errors().get("wert").contains("außerhalb des plausiblen Bereichs"));
        assertFalse(Plausibility.check(QUOTE, new Input("", "", "-1", ""), null, 30).ok());
        assertTrue(Plausibility.check(CHANGE, new Input("", "", "-12,5", ""), null, 30).ok());
    }

    @Test
    public void garbage_and_huge_numbers_are_refused() {
        for (String bad : new String[] {"1e308", "NaN", "abc", "12.5"}) {
            Result result = Plausibility.check(QUOTE, new Input("", "", bad, ""), null, 30);
            assertFalse(bad, result.ok());
            assertTrue(bad, result.errors().containsKey("wert"));
        }
    }

    /** A jump of more than the threshold needs a comment; with one it passes. */
    @Test
    public void a_jump_needs_a_comment() {
        Result jump = Plausibility.check(QUOTE, new Input("", "", "40", ""), 20.0, 30);
        assertTrue(jump.errors().get("kommentar").contains("weicht um 100 %"));

        Result explained = Plausibility.check(QUOTE, new Input("", "", "40", "Sonderprogramm"), 20.0, 30);
        assertTrue(explained.ok());
        assertEquals("Sonderprogramm", explained.note());

        assertTrue(Plausibility.check(QUOTE, new Input("", "", "25", ""), 20.0, 30).ok());
        assertTrue("no previous value, no jump", Plausibility.check(QUOTE, new Input("", "", "40", ""), null, 30).ok());
    }

    @Test
    public void a_value_that_contradicts_numerator_and_denominator_is_refused() {
        Result result = Plausibility.check(QUOTE, new Input("10", "100", "20", ""), null, 30);
        assertTrue(result.errors().get("wert").contains("passt nicht"));
        assertTrue(Plausibility.check(QUOTE, new Input("10", "100", "10", ""), null, 30).ok());
    }

    @Test
    public void an_overlong_comment_is_refused() {
        Result result = Plausibility.check(QUOTE, new Input("", "", "20", "x".repeat(1001)), null, 30);
        assertTrue(result.errors().containsKey("kommentar"));
    }
}
