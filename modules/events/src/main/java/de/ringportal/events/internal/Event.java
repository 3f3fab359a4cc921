package de.ringportal.events.internal;

import java.time.LocalDateTime;

/** A Ringtreffen or project event, in Berlin's local time; {@code ringId} is the ring that sees it, null: everyone. */
public record Event(int id, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String ringId,
        String agenda) {

    public boolean isPublic() {
        return ringId == null;
    }
}
