package de.ringportal.auth.internal;

import de.ringportal.core.format.GermanDates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Points in time as people in Germany read them. */
final class Times {

    private static final DateTimeFormatter SHOWN_SECONDS =
            DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm:ss", Locale.GERMANY).withZone(GermanDates.BERLIN);

    private Times() {
    }

    /** "24.11.2026, 14:05 Uhr" in Berlin time. */
    static String minutes(Instant instant) {
        return GermanDates.dateTime(instant);
    }

    /** "24.11.2026, 14:05:09" in Berlin time. */
    static String seconds(Instant instant) {
        return SHOWN_SECONDS.format(instant);
    }

    /** The value of an HTML {@code datetime} attribute, with the Berlin offset. */
    static String machine(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(GermanDates.BERLIN).withNano(0));
    }
}
