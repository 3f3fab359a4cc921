package de.ringportal.municipalities.api;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The map of Germany's Kreise, drawn on the server, for pages of other modules (a ring's members, for instance). */
@ProviderType
public interface MunicipalityMap {

    /**
     * An inline SVG element (no XML declaration) of every Kreis outlined, the given ones filled and linked to their
     * detail pages, each with a title. Merged pre-reform Kreise are drawn through their successor. Cached: drawing
     * the same set twice costs nothing. Drawn for display at up to about 25 rem wide (outlines simplified for that
     * size, about 60 KB); the registry's own page {@code /kommunen/karte} has the detailed map.
     *
     * @param title       the map's accessible name ("Mitglieder des Vergleichsrings 4")
     * @param highlighted Kreisschlüssel (AGS) to fill
     */
    String svg(String title, Set<String> highlighted);
}
