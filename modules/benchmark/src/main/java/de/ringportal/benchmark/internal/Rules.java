package de.ringportal.benchmark.internal;

import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;

/**
 * Who may do what with key figures. Who may see or moderate a ring's or a municipality's data of a year is core's
 * rule ({@link de.ringportal.core.api.Access#maySeeRingPeriod},
 * {@link de.ringportal.core.api.Access#maySeeMunicipalityPeriod}), asked for the year of the data: a value belongs to
 * the ring its municipality was in then.
 */
public final class Rules {

    private Rules() {
    }

    /** Works for a municipality in a ring (member or moderator). */
    public static boolean member(Viewer viewer) {
        return viewer.has(Role.RINGMITGLIED) || viewer.has(Role.RINGMODERATION);
    }

    /** May enter, import and release the values of their own municipality. */
    public static boolean mayEnter(Viewer viewer) {
        return member(viewer) && viewer.municipality() != null;
    }

    /** May enter values for that municipality: only their own. */
    public static boolean mayEnterFor(Viewer viewer, String ags) {
        return mayEnter(viewer) && viewer.municipality().equals(ags);
    }

    /** Imports and exports for every municipality at once. */
    public static boolean mayTransferAll(Viewer viewer) {
        return viewer.has(Role.REDAKTION);
    }

    /** Adds and edits figures of the catalogue. */
    public static boolean mayEditCatalogue(Viewer viewer) {
        return viewer.has(Role.ADMINISTRATION);
    }
}
