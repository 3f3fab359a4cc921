package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ByteRangeTest {

    private static ByteRange part(String header, long size) {
        ByteRange.Request request = ByteRange.parse(header, size);
        assertTrue(header + " is " + request, request instanceof ByteRange.Part);
        return ((ByteRange.Part) request).range();
    }

    @Test
    public void closed_open_and_suffix_ranges() {
        assertEquals(new ByteRange(0, 99), part("bytes=0-99", 1000));
        assertEquals(new ByteRange(500, 999), part("bytes=500-", 1000));
        assertEquals(new ByteRange(900, 999), part("bytes=-100", 1000));
        assertEquals("the end is clamped", new ByteRange(990, 999), part("bytes=990-5000", 1000));
        assertEquals("a suffix longer than the file is the file", new ByteRange(0, 9), part("bytes=-50", 10));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
        assertEquals(100, new ByteRange(0, 99).length());
    }

    @Test
    public void ranges_outside_the_file_are_unsatisfiable() {
        assertTrue(ByteRange.parse("bytes=1000-", 1000) instanceof ByteRange.Unsatisfiable);
        assertTrue(ByteRange.parse("bytes=5000-6000", 1000) instanceof ByteRange.Unsatisfiable);
        assertTrue(ByteRange.parse("bytes=-0", 1000) instanceof ByteRange.Unsatisfiable);
    }

    /** What RFC 9110 lets a server ignore: the whole file is sent. */
    @Test
    public void malformed_or_multiple_ranges_send_the_whole_file() {
        for (String header : new String[] {null, "", "bytes=", "bytes=abc-def", "items=0-1", "bytes=5-2",
                "bytes=0-1,5-6", "bytes=--1", "bytes=99999999999999999999-"}) {
            assertTrue(header, ByteRange.parse(header, 1000) instanceof ByteRange.Whole);
        }
    }
}
