package de.ringportal.core.api;

import java.util.Set;

/**
 * Who is making a request: a logged-in person with their roles and municipality, or {@link #ANONYMOUS}.
 *
 * @param userName     the login name; empty for anonymous visitors
 * @param displayName  the person's name as shown in the header
 * @param municipality the Kreisschlüssel (AGS) of the person's municipality, or null
 * @param roles        the person's roles; empty for anonymous visitors
 */
public record Viewer(String userName, String displayName, String municipality, Set<Role> roles) {

    /** A visitor who has not logged in. */
    public static final Viewer ANONYMOUS = new Viewer("", "", null, Set.of());

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public boolean isAnonymous() {
        return userName.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
