package de.ringportal.core.api;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in the portal besides reading public pages. One person may hold several roles. */
public enum Role {

    /** Works for a municipality; sees the internal area of that municipality's ring(s). */
    RINGMITGLIED("Ringmitglied"),
    /** A ring member who may also post and upload in the internal area of their ring(s). */
    RINGMODERATION("Ringmoderation"),
    /** The project office: edits public content, and sees and moderates every ring's internal area. */
    REDAKTION("Redaktion"),
    /** Accounts, roles, bundles and configuration. */
    ADMINISTRATION("Administration");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The German name shown to users. */
    public String label() {
        return label;
    }

    /** The name used in {@code isUserInRole} and in menu entries' {@code role}: the lower-case constant name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this id, if there is one. */
    public static Optional<Role> fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
