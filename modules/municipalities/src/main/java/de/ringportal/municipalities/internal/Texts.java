package de.ringportal.municipalities.internal;

import java.time.LocalDate;

import de.ringportal.core.format.GermanDates;
import de.ringportal.core.format.GermanNumbers;

/** How the pages write values: German dates and numbers (core.format), "unbekannt" where the sources do not say. */
final class Texts {

    static final String UNKNOWN = "unbekannt";

    private Texts() {
    }

    static String day(LocalDate day) {
        return day == null ? UNKNOWN : GermanDates.date(day);
    }

    static String number(long value) {
        return GermanNumbers.integer(value);
    }

    static String orUnknown(Object value) {
        return value == null ? UNKNOWN : value.toString();
    }

    static String evidence(String evidence) {
        if (evidence == null) {
            return UNKNOWN;
        }
        return switch (evidence) {
            case "belegt" -> "belegt (eine Quelle nennt es ausdrücklich)";
            case "abgeleitet" -> "abgeleitet (folgt aus belegten Angaben, siehe Quelle)";
            default -> evidence;
        };
    }

    static String listed(Boolean komtrzv) {
        return komtrzv == null ? UNKNOWN : komtrzv ? "ja" : "nein";
    }

    /** "Vergleichsring 4" for a numeric id, else the id itself. */
    static String ring(String id) {
        return id.matches("[0-9]{1,9}") ? "Vergleichsring " + id : id;
    }
}
