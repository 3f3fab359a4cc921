package de.ringportal.rings.api;

/**
 * A comparison ring (Vergleichsring).
 *
 * @param id          the stable key used in URLs, access checks and other modules' audiences ("4")
 * @param number      its number, for ordering
 * @param name        its name ("Vergleichsring 4: verdichtete Kreise")
 * @param description what the ring is about, plain text
 * @param moderator   the moderator contact, plain text; empty when none is recorded
 */
public record Ring(String id, int number, String name, String description, String moderator) {
}
