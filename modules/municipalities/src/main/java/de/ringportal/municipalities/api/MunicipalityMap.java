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

    /**
     * The outlines of every Kreis and of the Länder, drawn once for all maps of one page that
     * {@linkplain #svgOnOutlines(String, String, String, Set) refer to them}: a hidden, zero-sized inline SVG element
     * whose {@code <defs>} hold the groups {@code <id>-kreise} and {@code <id>-laender}. Put it once into the page (the
     * class {@code kreis-map-outlines} takes it out of the flow where the page's CSS says so). A provider that cannot
     * share outlines returns the empty string, and its {@code svgOnOutlines} draws whole maps instead.
     *
     * @param id the id prefix; the page must use no id starting with it for anything else. Letters, digits, '-' and
     *           '_', starting with a letter
     * @throws IllegalArgumentException for an id that is no such name
     * @since 1.1
     */
    default String outlines(String id) {
        return "";
    }

    /**
     * The same map as {@link #svg(String, Set)}, but lighter: it draws only the filled, linked Kreise and shows
     * everything else through {@code <use>} references to the {@linkplain #outlines(String) outlines} with that id,
     * which must be on the same page. Seven maps of a page then cost about 60 KB of outlines once plus a few KB per
     * map, instead of 60 KB each; they look the same and need no script.
     *
     * @param outlinesId  the id given to {@link #outlines(String)}
     * @param id          this map's own id (unique in the page; its title's id), same rules as the outlines' id
     * @param title       the map's accessible name
     * @param highlighted Kreisschlüssel (AGS) to fill
     * @throws IllegalArgumentException for an id that is no such name
     * @since 1.1
     */
    default String svgOnOutlines(String outlinesId, String id, String title, Set<String> highlighted) {
        return svg(title, highlighted);
    }
}
