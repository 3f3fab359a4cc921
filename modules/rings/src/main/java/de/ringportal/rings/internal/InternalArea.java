package de.ringportal.rings.internal;

import static de.ringportal.rings.internal.InternalFrame.ANNOUNCEMENTS;
import static de.ringportal.rings.internal.InternalFrame.CONTACTS;
import static de.ringportal.rings.internal.InternalFrame.DELETE;
import static de.ringportal.rings.internal.InternalFrame.MEETINGS;

import java.time.Clock;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Handler;
import de.ringportal.core.pages.Routes;

/**
 * A ring's internal area below {@code /ringe/<id>/intern}: {@link InternalOverview}, {@link AnnouncementsPage}
 * ({@code mitteilungen}), {@link MeetingsPage} ({@code treffen}) and {@link ContactsPage} ({@code kontakte}). Every
 * page and action first checks {@link Access#maySeeRing} (members of the ring in the current year, its moderators,
 * Redaktion, Administration); changes and their confirmations also need {@link Access#mayModerateRing} (the ring's
 * moderators and the Redaktion). An unknown ring is 404 before either check.
 */
final class InternalArea {

    private static final String BASE = "/{ring:word}/" + RingPages.INTERNAL;

    private final RingStore store;
    private final Access access;
    private final InternalOverview overview;
    private final AnnouncementsPage announcements;
    private final MeetingsPage meetings;
    private final ContactsPage contacts;

    InternalArea(RingStore store, RingAreaStore area, Registry registry, Views views, Access access, Clock clock) {
        this.store = store;
        this.access = access;
        this.overview = new InternalOverview(area, access, clock);
        this.announcements = new AnnouncementsPage(area, access, clock);
        this.meetings = new MeetingsPage(area, access, clock);
        this.contacts = new ContactsPage(store, area, registry, access, clock);
    }

    /** Adds the area's routes to the ring pages' table. */
    Routes.Builder routes(Routes.Builder routes) {
        String announcementsPath = BASE + "/" + ANNOUNCEMENTS;
        String meetingsPath = BASE + "/" + MEETINGS;
        String contactsPath = BASE + "/" + CONTACTS;
        String deleteAnnouncement = announcementsPath + "/{id:int}/" + DELETE;
        String meeting = meetingsPath + "/{id:int}";
        String deleteContact = contactsPath + "/{id:int}/" + DELETE;
        return routes.get(BASE, member(overview::show))
                .get(announcementsPath, member(announcements::list))
                .post(announcementsPath, moderator(announcements::add))
                .get(deleteAnnouncement, moderator((ex, ring) -> announcements.confirmDelete(ex, ring, id(ex))))
                .post(deleteAnnouncement, moderator((ex, ring) -> announcements.delete(ex, ring, id(ex))))
                .get(meetingsPath, member(meetings::list))
                .post(meetingsPath, moderator(meetings::add))
                .get(meeting, member((ex, ring) -> meetings.show(ex, ring, id(ex))))
                .post(meeting, moderator((ex, ring) -> meetings.update(ex, ring, id(ex))))
                .get(meeting + "/" + DELETE, moderator((ex, ring) -> meetings.confirmDelete(ex, ring, id(ex))))
                .post(meeting + "/" + DELETE, moderator((ex, ring) -> meetings.delete(ex, ring, id(ex))))
                .get(contactsPath, member(contacts::list))
                .post(contactsPath, moderator(contacts::add))
                .get(deleteContact, moderator((ex, ring) -> contacts.confirmDelete(ex, ring, id(ex))))
                .post(deleteContact, moderator((ex, ring) -> contacts.delete(ex, ring, id(ex))));
    }

    /** For the ring's members (and its moderators, Redaktion, Administration). */
    private Handler member(RingHandler handler) {
        return RingHandler.on(store, (exchange, ring) -> {
            if (exchange.require(access.maySeeRing(exchange.request(), ring.id()))) {
                handler.handle(exchange, ring);
            }
        });
    }

    /** For the ring's moderators and the Redaktion: first the member check, as every page of the area has it. */
    private Handler moderator(RingHandler handler) {
        return member((exchange, ring) -> {
            if (exchange.require(access.mayModerateRing(exchange.request(), ring.id()))) {
                handler.handle(exchange, ring);
            }
        });
    }

    private static int id(Exchange exchange) {
        return exchange.path().integer("id");
    }
}
