package de.ringportal.events.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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

    /** A line break in a title stays inside SUMMARY: "ATTENDEE:evil" never becomes a property of its own. */
    @Test
    public void line_breaks_in_any_value_never_start_a_property() {
        Event event = new Event(2, "Treffen\r\nATTENDEE:evil", MEETING.startsAt(), MEETING.endsAt(),
                "Kassel\nATTENDEE:evil", null, "a\rATTENDEE:evil\u0085NEL\u2028LS\u2029PS\u000BVT\u0000");

        String ics = ICalendar.write("Kalender\r\nX-EVIL:1", "host\r\nX-EVIL:2", List.of(event), Instant.EPOCH);

        for (String line : ics.split("\r\n")) {
            assertFalse(line, line.startsWith("ATTENDEE") || line.startsWith("X-EVIL"));
            assertFalse(line, line.matches(".*[\\x00-\\x08\\x0B-\\x1F\\x7F\\u0085\\u2028\\u2029].*"));
        }
        assertThat(ics, containsString("SUMMARY:Treffen\\nATTENDEE:evil\r\n"));
        assertThat(ics, containsString("LOCATION:Kassel\\nATTENDEE:evil\r\n"));
        assertThat(ics, containsString("DESCRIPTION:a\\nATTENDEE:evil\\nNEL\\nLS\\nPSVT\r\n"));
        assertThat(ics, containsString("X-WR-CALNAME:Kalender\\nX-EVIL:1\r\n"));
    }

    /** Markup is stripped from summary, location and description; what is left is escaped plain text. */
    @Test
    public void markup_is_stripped_from_summary_location_and_description() {
        Event event = new Event(3, "<script>alert(1)</script>Ringtreffen <b>4</b>", MEETING.startsAt(),
                MEETING.endsAt(), "<img src=x onerror=alert(1)>Kassel", null,
                "<<b>script>alert(2)<</b>/script>K1 < K2 &lt;i&gt;<!-- Kommentar -->");

        String ics = ICalendar.write("R", "h", List.of(event), Instant.EPOCH);

        String unfolded = ics.replace("\r\n ", "");
        assertFalse(unfolded, unfolded.toLowerCase().contains("<script"));
        assertFalse(unfolded, unfolded.contains("<img") || unfolded.contains("<b>") || unfolded.contains("<!--"));
        assertThat(unfolded, containsString("SUMMARY:alert(1)Ringtreffen 4\r\n"));
        assertThat(unfolded, containsString("LOCATION:Kassel\r\n"));
        assertThat(unfolded, containsString("DESCRIPTION:alert(2)K1 < K2 &lt\\;i&gt\\;\r\n"));
    }

    /** Folding counts octets of UTF-8 and never splits a character, also a four-byte one, across lines. */
    @Test
    public void folding_never_splits_a_character() {
        Event event = new Event(4, "a" + "\uD83D\uDCC5".repeat(40), MEETING.startsAt(), MEETING.endsAt(), "Ort",
                null, "");

        String ics = ICalendar.write("R", "h", List.of(event), Instant.EPOCH);

        for (String line : ics.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertTrue(line, octets.length <= 75);
            assertEquals(line, new String(octets, StandardCharsets.UTF_8));
            assertFalse(line, Character.isHighSurrogate(line.charAt(line.length() - 1)));
        }
        assertThat(ics.replace("\r\n ", ""), containsString("SUMMARY:a" + "\uD83D\uDCC5".repeat(40) + "\r\n"));
    }
}
