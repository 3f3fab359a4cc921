package de.ringportal.core.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which comparison rings a municipality belongs to in a year, and what the rings are called (the rings module
 * implements it). Modules that cannot depend on the rings API (the municipality registry: the rings depend on it) read
 * rings through this interface.
 */
@ConsumerType
public interface RingMemberships {

    /**
     * Event Admin topic the rings module posts to (asynchronously) after a ring was added, renamed or deleted or a
     * membership was added or removed; modules that cache ring data empty their cache on it. Properties:
     * {@link #EVENT_RING} and {@link #EVENT_CHANGE}.
     *
     * @since 1.4
     */
    String TOPIC_CHANGED = "de/ringportal/rings/CHANGED";

    /** Event property: the id of the ring that changed ({@code String}). @since 1.4 */
    String EVENT_RING = "ring";

    /**
     * Event property: what changed ({@code String}): {@code created}, {@code updated}, {@code deleted} or
     * {@code members}. @since 1.4
     */
    String EVENT_CHANGE = "change";

    /** Ids of the rings the municipality (by AGS) belongs to in that year; empty when none. */
    Set<String> ringsOf(String municipality, int year);

    /**
     * The ring's display name, such as "Vergleichsring 4: verdichtete Kreise". The default, for implementations that
     * know ids only, is "Vergleichsring " and the id.
     *
     * @since 1.4
     */
    default String ringName(String ringId) {
        return "Vergleichsring " + ringId;
    }
}
