package de.ringportal.events.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import de.ringportal.core.format.GermanDates;

/**
 * Events as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets, TEXT escaped, times in UTC (no
 * VTIMEZONE needed). Values are plain text: markup is stripped (clients that render HTML would run it), and no line
 * break or control character in a value can end its property and start another.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** What HTML reads as a tag, comment or doctype: {@code <} and a letter, / ! or ?, up to {@code >} or the end. */
    private static final Pattern TAG = Pattern.compile("<[A-Za-z/!?][^>]*(?:>|$)");
    /** Control characters that TEXT does not allow (RFC 5545, 3.3.11), but tab; line breaks are escaped before. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private ICalendar() {
    }

    static String write(String calendarName, String host, List<Event> events, Instant now) {
        StringBuilder out = new StringBuilder();
        lines(out, "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ringportal//Veranstaltungen//DE",
                "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + text(plain(calendarName)));
        for (Event event : events) {
            lines(out, "BEGIN:VEVENT", "UID:event-" + event.id() + "@" + text(host), "DTSTAMP:" + UTC.format(now),
                    "DTSTART:" + UTC.format(event.startsAt().atZone(GermanDates.BERLIN)),
                    "DTEND:" + UTC.format(event.endsAt().atZone(GermanDates.BERLIN)),
                    "SUMMARY:" + text(plain(event.title())), "LOCATION:" + text(plain(event.place())),
                    "DESCRIPTION:" + text(plain(event.agenda())),
                    "CLASS:" + (event.isPublic() ? "PUBLIC" : "PRIVATE"), "END:VEVENT");
        }
        lines(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT: {@code \ ; ,} escaped, each line break (also NEL, U+2028, U+2029) as {@code \n}, controls dropped. */
    static String text(String value) {
        return CONTROL.matcher(value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replaceAll("\\r\\n|[\\r\\n\\u0085\\u2028\\u2029]", "\\\\n")).replaceAll("");
    }

    /** Without markup, stripped again until no tag is left ({@code <<b>script>}); entities stay as they are. */
    static String plain(String value) {
        String stripped = TAG.matcher(value).replaceAll("");
        return stripped.equals(value) ? value : plain(stripped);
    }

    /** Appends content lines, folded so that no line has more than 75 octets of UTF-8 and no character is split. */
    private static void lines(StringBuilder out, String... contents) {
        for (String content : contents) {
            int octets = 0;
            for (int codePoint : content.codePoints().toArray()) {
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
            }
            out.append("\r\n");
        }
    }
}
