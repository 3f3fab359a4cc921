package de.ringportal.municipalities.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One unit of the registry: an Optionskommune, or a pre-reform Kreis that was one before it merged.
 *
 * @param ags          the 5-digit Kreisschlüssel, the key everywhere in the portal
 * @param name         the current name ("Landkreis Biberach", "Kreis Coesfeld")
 * @param type         "Landkreis" or "Kreisfreie Stadt"
 * @param state        the Land
 * @param admittedYear the year from which it was a zugelassener kommunaler Träger; null where the sources do not say
 * @param since        the day it came into being if after 1 January 2005 (a successor Kreis), else null
 * @param until        the last day it existed (merged into {@code successorAgs}), else null
 * @param successorAgs the Kreis it became part of, else null
 */
public record Municipality(String ags, String name, String type, String state, Integer admittedYear,
        LocalDate since, LocalDate until, String successorAgs) {

    /** Did the unit exist on that day? */
    public boolean existsOn(LocalDate day) {
        return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
    }

    /** The year of admission, empty where unknown. */
    public Optional<Integer> admitted() {
        return Optional.ofNullable(admittedYear);
    }
}
