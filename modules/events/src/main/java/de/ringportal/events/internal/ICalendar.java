package de.ringportal.events.internal;

import de.ringportal.core.format.GermanDates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes events as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets, text values escaped,
 * times in UTC so that no VTIMEZONE block is needed. What people typed is plain text here: markup is stripped from
 * summary, location and description (calendar clients that render HTML descriptions would run it), and no line
 * break or control character in a value can end its property and start another.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * What an HTML parser reads as a tag (or comment, doctype, processing instruction): a {@code <} followed by a
     * letter, {@code /}, {@code !} or {@code ?}, up to the next {@code >} or the end. A {@code <} before anything
     * else ({@code K1 < K2}) is text to HTML too, and stays.
     */
    private static final Pattern TAG = Pattern.compile("<[A-Za-z/!?][^>]*(?:>|$)");
    /** Control characters, which TEXT does not allow (RFC 5545, 3.3.11), except tab and the line breaks. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** Line breaks besides CR and LF that some readers honour: NEL, line and paragraph separator. */
    private static final Pattern OTHER_BREAK = Pattern.compile("[\\u0085\\u2028\\u2029]");

    private ICalendar() {
    }

    static String write(String calendarName, String host, List<Event> events, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Ringportal//Veranstaltungen//DE");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(plain(calendarName)));
        for (Event event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:event-" + event.id() + "@" + text(host));
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(event.startsAt().atZone(GermanDates.BERLIN)));
            line(out, "DTEND:" + UTC.format(event.endsAt().atZone(GermanDates.BERLIN)));
            line(out, "SUMMARY:" + text(plain(event.title())));
            line(out, "LOCATION:" + text(plain(event.place())));
            line(out, "DESCRIPTION:" + text(plain(event.agenda())));
            line(out, "CLASS:" + (event.isPublic() ? "PUBLIC" : "PRIVATE"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /**
     * Escapes a TEXT value: backslash, semicolon, comma; every line break (CR, LF, CRLF, NEL, U+2028, U+2029) becomes
     * the escaped {@code \n}; other control characters are dropped.
     */
    static String text(String value) {
        String escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        return CONTROL.matcher(OTHER_BREAK.matcher(escaped).replaceAll("\\\\n")).replaceAll("");
    }

    /**
     * The value without markup: every tag removed, again until none is left (so {@code <<b>script>} cannot leave a
     * tag behind); entities are not decoded, so {@code &lt;script&gt;} stays the harmless text it is.
     */
    static String plain(String value) {
        String current = value;
        for (String stripped; !(stripped = TAG.matcher(current).replaceAll("")).equals(current); ) {
            current = stripped;
        }
        return current;
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets of UTF-8. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
