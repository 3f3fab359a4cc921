package de.ringportal.auth.internal;

import java.time.Instant;
import java.util.Set;

import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;

/**
 * An account as stored.
 *
 * @param municipality Kreisschlüssel (AGS) of the person's municipality, or null
 * @param lockedUntil  end of a lockout after repeated failed logins, or null
 */
public record Account(int id, String userName, String displayName, String email, String municipality,
        String passwordHash, boolean enabled, int failedLogins, Instant lockedUntil, Set<Role> roles) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The person as the rest of the portal sees them. */
    public Viewer viewer() {
        return new Viewer(userName, displayName, municipality, roles);
    }
}
