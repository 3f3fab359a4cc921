package de.ringportal.rings.internal;

import static de.ringportal.rings.internal.InternalFrame.ANNOUNCEMENTS;
import static de.ringportal.rings.internal.InternalFrame.CONTACTS;
import static de.ringportal.rings.internal.InternalFrame.DELETE;
import static de.ringportal.rings.internal.InternalFrame.MEETINGS;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Views;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A ring's internal area below {@code /ringe/<id>/intern}: {@link InternalOverview}, {@link AnnouncementsPage}
 * ({@code mitteilungen}), {@link MeetingsPage} ({@code treffen}) and {@link ContactsPage} ({@code kontakte}). Every
 * page and action first checks {@link Access#maySeeRing} (members of the ring in the current year, its moderators,
 * Redaktion, Administration); changes also need {@link Access#mayModerateRing} (the ring's moderators and the
 * Redaktion).
 */
final class InternalArea {

    private final Access access;
    private final InternalOverview overview;
    private final AnnouncementsPage announcements;
    private final MeetingsPage meetings;
    private final ContactsPage contacts;

    InternalArea(RingStore store, RingAreaStore area, Registry registry, Views views, Access access, Clock clock) {
        this.access = access;
        this.overview = new InternalOverview(area, views, access, clock);
        this.announcements = new AnnouncementsPage(area, views, access, clock);
        this.meetings = new MeetingsPage(area, views, access, clock);
        this.contacts = new ContactsPage(store, area, registry, views, access, clock);
    }

    void get(HttpServletRequest request, HttpServletResponse response, Ring ring, List<String> path)
            throws IOException {
        if (!access.require(request, response, access.maySeeRing(request, ring.id()))) {
            return;
        }
        String section = path.isEmpty() ? "" : path.get(0);
        boolean confirm = path.size() == 3 && DELETE.equals(path.get(2));
        if (path.isEmpty()) {
            overview.show(request, response, ring);
        } else if (ANNOUNCEMENTS.equals(section) && path.size() == 1) {
            announcements.list(request, response, ring);
        } else if (MEETINGS.equals(section) && path.size() == 1) {
            meetings.list(request, response, ring);
        } else if (MEETINGS.equals(section) && path.size() == 2) {
            meetings.show(request, response, ring, path.get(1));
        } else if (CONTACTS.equals(section) && path.size() == 1) {
            contacts.list(request, response, ring);
        } else if (confirm && List.of(ANNOUNCEMENTS, MEETINGS, CONTACTS).contains(section)) {
            if (!moderator(request, response, ring)) {
                return;
            }
            switch (section) {
                case ANNOUNCEMENTS -> announcements.confirmDelete(request, response, ring, path.get(1));
                case MEETINGS -> meetings.confirmDelete(request, response, ring, path.get(1));
                default -> contacts.confirmDelete(request, response, ring, path.get(1));
            }
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    void post(HttpServletRequest request, HttpServletResponse response, Ring ring, List<String> path)
            throws IOException {
        if (!access.require(request, response, access.maySeeRing(request, ring.id()))
                || !moderator(request, response, ring)) {
            return;
        }
        String section = path.isEmpty() ? "" : path.get(0);
        boolean delete = path.size() == 3 && DELETE.equals(path.get(2));
        if (ANNOUNCEMENTS.equals(section) && path.size() == 1) {
            announcements.add(request, response, ring);
        } else if (ANNOUNCEMENTS.equals(section) && delete) {
            announcements.delete(response, ring, path.get(1));
        } else if (MEETINGS.equals(section) && path.size() == 1) {
            meetings.add(request, response, ring);
        } else if (MEETINGS.equals(section) && path.size() == 2) {
            meetings.update(request, response, ring, path.get(1));
        } else if (MEETINGS.equals(section) && delete) {
            meetings.delete(response, ring, path.get(1));
        } else if (CONTACTS.equals(section) && path.size() == 1) {
            contacts.add(request, response, ring);
        } else if (CONTACTS.equals(section) && delete) {
            contacts.delete(response, ring, path.get(1));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean moderator(HttpServletRequest request, HttpServletResponse response, Ring ring)
            throws IOException {
        return access.require(request, response, access.mayModerateRing(request, ring.id()));
    }
}
