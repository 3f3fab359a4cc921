package de.ringportal.site.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as German editors expect them. */
final class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'",
            Locale.GERMAN).withZone(ZoneId.of("Europe/Berlin"));

    private Times() {
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
