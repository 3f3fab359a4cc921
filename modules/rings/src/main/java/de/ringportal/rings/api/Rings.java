package de.ringportal.rings.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The rings and their members per year, as other modules ask them. */
@ProviderType
public interface Rings {

    /** Every ring, ordered by number. */
    List<Ring> all();

    /** The ring with that id. */
    Optional<Ring> byId(String id);

    /** Kreisschlüssel (AGS) of the ring's members in that year, sorted. */
    List<String> members(String ringId, int year);

    /** The ring a municipality belongs to in that year. */
    Optional<Ring> ringOf(String ags, int year);
}
