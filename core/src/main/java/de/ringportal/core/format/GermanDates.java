package de.ringportal.core.format;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final DateTimeFormatter DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("dd.MM.uuuu, HH:mm:ss 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter WEEKDAY_DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE, d. MMMM uuuu, HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'Uhr'", Locale.GERMAN);
    private static final DateTimeFormatter GERMAN_INPUT =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ISO_INPUT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

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

    /** "24.11.2026, 14:05:09 Uhr", for logs and audit trails where the second matters. */
    public static String dateTimeSeconds(Instant instant) {
        return DATE_TIME_SECONDS.format(instant.atZone(BERLIN));
    }

    /** "24. November 2026, 14:05 Uhr", for a local date and time (already in German time). */
    public static String longDateTime(LocalDateTime dateTime) {
        return LONG_DATE_TIME.format(dateTime);
    }

    /** "Dienstag, 24. November 2026, 14:05 Uhr", for a local date and time (already in German time). */
    public static String weekdayDateTime(LocalDateTime dateTime) {
        return WEEKDAY_DATE_TIME.format(dateTime);
    }

    /** "14:05 Uhr". */
    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    /**
     * A day as people type it: German "24.11.2026" (also "1.2.2026"), or ISO "2026-11-24" as a date input sends it.
     * Strict: "31.2.2026" is no day. Empty for null, blank or anything else.
     */
    public static Optional<LocalDate> parse(String text) {
        String clean = text == null ? "" : text.strip();
        try {
            if (clean.contains(".")) {
                return Optional.of(LocalDate.parse(clean, GERMAN_INPUT));
            }
            return ISO_INPUT.matcher(clean).matches() ? Optional.of(LocalDate.parse(clean)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Today in Berlin by this clock (tests pass a fixed one). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), BERLIN);
    }

    /** The first moment of that day in Berlin (midnight, whether summer or winter time). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(BERLIN).toInstant();
    }
}
