package de.ringportal.news.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as German readers expect them. */
final class Dates {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMAN);

    private Dates() {
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(Article.ZONE));
    }
}
