package de.ringportal.events.internal;

import java.time.LocalDateTime;

/**
 * A Ringtreffen or project event; times are local times in Berlin, as people write them in invitations.
 *
 * @param ringId the ring whose members may see it, or null for a public event
 */
public record Event(int id, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String ringId,
        String agenda) {

    public boolean isPublic() {
        return ringId == null;
    }
}
