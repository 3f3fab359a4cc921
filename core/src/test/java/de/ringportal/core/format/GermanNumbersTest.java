package de.ringportal.core.format;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Copied with GermanNumbers from the benchmark module; integer() is new. */
public class GermanNumbersTest {

    /** German separators are read right: the dot groups thousands, the comma starts the decimals. */
    @Test
    public void reads_german_numbers() {
        assertEquals(1234.5, GermanNumbers.parse("1.234,5").value(), 1e-12);
        assertEquals(1234567.25, GermanNumbers.parse("1.234.567,25").value(), 1e-12);
        assertEquals(0.5, GermanNumbers.parse("0,5").value(), 1e-12);
        assertEquals(-3.25, GermanNumbers.parse("-3,25").value(), 1e-12);
        assertEquals(12.0, GermanNumbers.parse(" 12 ").value(), 1e-12);
        assertEquals(1234.0, GermanNumbers.parse("1234").value(), 1e-12);
    }

    /** Exponents, NaN, infinity, garbage, misplaced separators and huge numbers are refused with a message. */
    @Test
    public void refuses_what_is_no_german_number() {
        for (String bad : new String[] {"1e308", "1E5", "NaN", "Infinity", "∞", "abc", "1,2,3", "1.23,4", "12.5",
            "1.2345", "", "  ", "' OR 1=1", "<script>", "1,", ",5", "--1", "1.000.000.000.000.000",
            "99999999999999999999"}) {
            GermanNumbers.Parsed parsed = GermanNumbers.parse(bad);
            assertFalse(bad, parsed.ok());
            assertTrue(bad, parsed.error().length() > 5);
        }
    }

    @Test
    public void shows_german_numbers() {
        assertEquals("1.234,5", GermanNumbers.format(1234.5));
        assertEquals("1.234,57", GermanNumbers.format(1234.567));
        assertEquals("-0,5", GermanNumbers.format(-0.5));
        assertEquals("0", GermanNumbers.format(-0.0001));
        assertEquals("1.234,5678", GermanNumbers.input(1234.5678));
        assertEquals("", GermanNumbers.input(null));
        assertEquals("1.234.567", GermanNumbers.integer(1234567));
        assertEquals("-1.000", GermanNumbers.integer(-1000));
        assertEquals("12", GermanNumbers.integer(12));
    }
}
