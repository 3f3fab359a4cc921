package de.ringportal.municipalities.internal;

import java.time.LocalDate;

import de.ringportal.municipalities.api.Municipality;

/**
 * One row of the registry with everything the pages show, sources included. Null fields are unknown: the sources do
 * not say, and the pages show "unbekannt".
 *
 * @param komtrzv2012 listed in the annex of the Kommunalträger-Zulassungsverordnung as in force on 1.1.2012
 * @param evidence    "belegt" (a source states it) or "abgeleitet" (follows from stated facts)
 */
public record Entry(String ags, String name, String type, String state, Integer admittedYear, LocalDate since,
        LocalDate until, String successorAgs, Boolean komtrzv2012, String areaNote, String formerNames,
        String evidence, String source) {

    public Municipality municipality() {
        return new Municipality(ags, name, type, state, admittedYear, since, until, successorAgs);
    }

    public boolean merged() {
        return until != null;
    }

    public boolean existsOn(LocalDate day) {
        return (since == null || !day.isBefore(since)) && (until == null || !day.isAfter(until));
    }

    /** The day the admission took effect: 1 January of the year of admission; null where unknown. */
    public LocalDate admittedOn() {
        return admittedYear == null ? null : LocalDate.of(admittedYear, 1, 1);
    }

    Entry withName(String newName, String newFormerNames) {
        return new Entry(ags, newName, type, state, admittedYear, since, until, successorAgs, komtrzv2012, areaNote,
                newFormerNames, evidence, source);
    }

    Entry withEnd(LocalDate lastDay, String successor) {
        return new Entry(ags, name, type, state, admittedYear, since, lastDay, successor, komtrzv2012, areaNote,
                formerNames, evidence, source);
    }
}
