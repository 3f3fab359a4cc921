package de.ringportal.rings.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import de.ringportal.core.api.RingMemberships;

/** The rings and their members per year, as other modules ask them. */
@ProviderType
public interface Rings {

    /**
     * Event Admin topic posted (asynchronously, through {@code postEvent}) after a ring was added, renamed or
     * deleted, or a membership was added or removed: {@value}. Properties {@link #EVENT_RING} (the ring's id) and
     * {@link #EVENT_CHANGE} ({@code created}, {@code updated}, {@code deleted}, {@code members}). The same constant as
     * core's {@link RingMemberships#TOPIC_CHANGED}, for modules that cannot depend on this API.
     *
     * @since 1.1
     */
    String TOPIC_CHANGED = RingMemberships.TOPIC_CHANGED;

    /** Event property: the ring's id. @since 1.1 */
    String EVENT_RING = RingMemberships.EVENT_RING;

    /** Event property: what changed. @since 1.1 */
    String EVENT_CHANGE = RingMemberships.EVENT_CHANGE;

    /** Every ring, ordered by number. */
    List<Ring> all();

    /** The ring with that id. */
    Optional<Ring> byId(String id);

    /** Kreisschlüssel (AGS) of the ring's members in that year, sorted. */
    List<String> members(String ringId, int year);

    /** The ring a municipality belongs to in that year. */
    Optional<Ring> ringOf(String ags, int year);
}
