package de.ringportal.reports.internal;

import java.time.Instant;
import java.util.Set;

/**
 * A report as stored, with its current version.
 *
 * @param rings     the rings that may see it; empty means public
 * @param releaseAt the end of its embargo, or null
 */
public record Report(int id, String title, int year, String description, Set<String> rings, Instant releaseAt,
        Instant createdAt, String createdBy, Version current) {

    public Report {
        rings = Set.copyOf(rings);
    }

    public boolean isPublic() {
        return rings.isEmpty();
    }

    public boolean isEmbargoed(Instant now) {
        return releaseAt != null && releaseAt.isAfter(now);
    }

    public String path() {
        return "/berichte/" + id;
    }
}
