package de.ringportal.events.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.Test;

/** The iCalendar export as RFC 5545 wants it: CRLF, escaped text, folded lines, UTC times. */
public class ICalendarTest {

    private static final Event MEETING = new Event(7, "Ringtreffen; Ring 4, Herbst", LocalDateTime.of(2026, 11, 24, 10, 0),
            LocalDateTime.of(2026, 11, 24, 16, 30), "Kreishaus Coesfeld, Raum 1", "ring-4",
            "Begrüßung\nKennzahlen K1 bis K3 \\ Ausblick");

    @Test
    public void writes_one_event_with_escaped_text_and_utc_times() {
        String ics = ICalendar.write("Ringportal", "ringportal", List.of(MEETING), Instant.parse("2026-11-01T08:00:00Z"));

        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertThat(ics, containsString("UID:event-7@ringportal\r\n"));
        // 10:00 in Berlin in November (CET, UTC+1) is 09:00 UTC
        assertThat(ics, containsString("DTSTART:20261124T090000Z\r\n"));
        assertThat(ics, containsString("DTEND:20261124T153000Z\r\n"));
        assertThat(ics, containsString("SUMMARY:Ringtreffen\\; Ring 4\\, Herbst\r\n"));
        assertThat(ics, containsString("DESCRIPTION:Begrüßung\\nKennzahlen K1 bis K3 \\\\ Ausblick\r\n"));
        assertThat(ics, containsString("CLASS:PRIVATE\r\n"));
    }

    @Test
    public void long_lines_are_folded_at_75_octets() {
        Event event = new Event(1, "Ü".repeat(100), MEETING.startsAt(), MEETING.endsAt(), "Ort", null, "");

        String ics = ICalendar.write("R", "h", List.of(event), Instant.EPOCH);

        for (String line : ics.split("\r\n")) {
            assertTrue(line, line.getBytes(StandardCharsets.UTF_8).length <= 75);
        }
        assertThat(ics.replace("\r\n ", ""), containsString("SUMMARY:" + "Ü".repeat(100) + "\r\n"));
        assertThat(ics, containsString("CLASS:PUBLIC"));
    }

    @Test
    public void text_escaping_covers_every_special_character() {
        assertEquals("a\\\\b\\;c\\,d\\ne", ICalendar.text("a\\b;c,d\r\ne"));
    }
}
