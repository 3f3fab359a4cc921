package de.ringportal.core.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people in Germany read them, in the portal's one time zone. Every method shows the moment
 * in Berlin time, with daylight saving time where it applies.
 */
public final class GermanDates {

    /** The portal's time zone: dates are entered and shown in German time. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.GERMAN);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd.MM.uuuu, HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d. MMMM uuuu", Locale.GERMAN);
    private static final DateTimeFormatter LONG_DATE_TIME =
            DateTimeFormatter.ofPattern("d. MMMM uuuu, HH:mm 'Uhr'", Locale.GERMAN);

    private GermanDates() {
    }

    /** "24.11.2026". */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** "24.11.2026", the day in Berlin. */
    public static String date(Instant instant) {
        return DATE.format(instant.atZone(BERLIN));
    }

    /** "24.11.2026, 14:05 Uhr". */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(BERLIN));
    }

    /** "24. November 2026". */
    public static String longDate(Instant instant) {
        return LONG_DATE.format(instant.atZone(BERLIN));
    }

    /** "24. November 2026, 14:05 Uhr". */
    public static String longDateTime(Instant instant) {
        return LONG_DATE_TIME.format(instant.atZone(BERLIN));
    }
}
