package de.ringportal.rings.internal;

import java.util.List;

import de.ringportal.core.api.Access;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What every page of a ring's internal area shows, for a template section {@code {{#frame}}}: the ring, the base path
 * {@code /ringe/<id>/intern}, whether the viewer may post, and the sub-navigation with the current section marked.
 */
record InternalFrame(Ring ring, String base, boolean mayModerate, List<Link> nav) {

    static final String OVERVIEW = "";
    static final String ANNOUNCEMENTS = "mitteilungen";
    static final String MEETINGS = "treffen";
    static final String CONTACTS = "kontakte";
    static final String DELETE = "loeschen";

    /** One entry of the sub-navigation. */
    record Link(String path, String label, boolean current) {
    }

    static InternalFrame of(Access access, HttpServletRequest request, Ring ring, String section) {
        List<Link> nav = List.of(link(ring, OVERVIEW, "Übersicht", section),
                link(ring, ANNOUNCEMENTS, "Mitteilungen", section), link(ring, MEETINGS, "Ringtreffen", section),
                link(ring, CONTACTS, "Ansprechpersonen", section));
        return new InternalFrame(ring, path(ring), access.mayModerateRing(request, ring.id()), nav);
    }

    private static Link link(Ring ring, String section, String label, String current) {
        return new Link(path(ring, section), label, section.equals(current));
    }

    /** {@code /ringe/<id>/intern}. */
    static String path(Ring ring) {
        return "/ringe/" + ring.id() + "/" + RingPages.INTERNAL;
    }

    /** {@code /ringe/<id>/intern/<section>}, the overview's path for {@link #OVERVIEW}. */
    static String path(Ring ring, String section) {
        return section.isEmpty() ? path(ring) : path(ring) + "/" + section;
    }
}
