package de.ringportal.municipalities.api;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The map of Germany's Kreise, drawn on the server, for pages of other modules (a ring's members, for instance). */
@ProviderType
public interface MunicipalityMap {

    /**
     * An inline SVG element (no XML declaration) of every Kreis outlined, the given ones filled and linked to their
     * detail pages, each with a title. Merged pre-reform Kreise are drawn through their successor. Cached: drawing
     * the same set twice costs nothing.
     *
     * @param title       the map's accessible name ("Mitglieder des Vergleichsrings 4")
     * @param highlighted Kreisschlüssel (AGS) to fill
     */
    String svg(String title, Set<String> highlighted);
}
