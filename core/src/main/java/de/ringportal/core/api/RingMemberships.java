package de.ringportal.core.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/** Which comparison rings a municipality belongs to in a year (the rings module implements it). */
@ConsumerType
public interface RingMemberships {

    /** Ids of the rings the municipality (by AGS) belongs to in that year; empty when none. */
    Set<String> ringsOf(String municipality, int year);
}
