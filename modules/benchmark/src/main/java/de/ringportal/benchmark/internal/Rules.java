package de.ringportal.benchmark.internal;

import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.rings.api.Ring;

/**
 * Who may do what with key figures. Ring membership is asked per year, for the year of the data: a municipality
 * compares itself with the ring it belonged to then.
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

    /** May see the named comparison of the ring in that year: the Redaktion, and the ring's members of that year. */
    public static boolean maySeeRing(Viewer viewer, String ringId, int year, Directory directory) {
        return viewer.has(Role.REDAKTION) || member(viewer) && viewer.municipality() != null
                && directory.ringOf(viewer.municipality(), year).map(Ring::id).filter(ringId::equals).isPresent();
    }

    /** May see who has not yet released: the Redaktion, and the ring's moderators of that year. */
    public static boolean mayModerate(Viewer viewer, String ringId, int year, Directory directory) {
        return viewer.has(Role.REDAKTION) || viewer.has(Role.RINGMODERATION) && viewer.municipality() != null
                && directory.ringOf(viewer.municipality(), year).map(Ring::id).filter(ringId::equals).isPresent();
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
