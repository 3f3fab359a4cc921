package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The announcements of a ring ({@code /ringe/<id>/intern/mitteilungen}): a paged list for the members, a form for
 * the moderators and deleting one after a confirmation.
 */
final class AnnouncementsPage {

    static final int PAGE_SIZE = 10;
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 8000;

    private final RingAreaStore store;
    private final Views views;
    private final Access access;
    private final Clock clock;

    AnnouncementsPage(RingAreaStore store, Views views, Access access, Clock clock) {
        this.store = store;
        this.views = views;
        this.access = access;
        this.clock = clock;
    }

    /** One announcement as {@code announcement} shows it. */
    record View(int id, String title, List<String> paragraphs, String author, String when, String datetime,
            boolean demo) {

        static View of(RingAreaStore.Announcement announcement) {
            // the HTML datetime syntax allows at most three digits of a second
            return new View(announcement.id(), announcement.title(), Inputs.paragraphs(announcement.body()),
                    announcement.author(), GermanDates.dateTime(announcement.createdAt()),
                    announcement.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(), announcement.demo());
        }
    }

    /** The model of {@code intern-announcements}. */
    record Model(InternalFrame frame, List<View> announcements, Pager pager, String countLine, Form input) {
    }

    void list(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        list(request, response, ring, Form.empty());
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Ring ring, Form form)
            throws IOException {
        int total = store.countAnnouncements(ring.id());
        Pager pager = Pager.of(request.getParameter("seite"), total, PAGE_SIZE,
                InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS) + "?");
        List<View> shown = store.announcements(ring.id(), pager.offset(), PAGE_SIZE).stream().map(View::of)
                .toList();
        String countLine = total == 1 ? "1 Mitteilung." : total == 0 ? "Noch keine Mitteilungen."
                : total + " Mitteilungen.";
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Mitteilungen – " + ring.name(), "intern-announcements", new Model(
                InternalFrame.of(access, request, ring, InternalFrame.ANNOUNCEMENTS), shown, pager, countLine, form));
    }

    void add(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        String title = Inputs.text(request.getParameter("titel"), false);
        String text = Inputs.text(request.getParameter("text"), true);
        Inputs.Errors errors = new Inputs.Errors();
        errors.check("titel", "Titel", "einen Titel", title, TITLE_MAX);
        errors.check("text", "Text", "einen Text", text, TEXT_MAX);
        if (!errors.isEmpty()) {
            list(request, response, ring, Form.of(Map.of("titel", title, "text", text), errors));
            return;
        }
        String author = access.viewer(request).displayName();
        store.addAnnouncement(ring.id(), title, text, author, clock.instant(), false);
        Http.seeOther(response, InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS));
    }

    void confirmDelete(HttpServletRequest request, HttpServletResponse response, Ring ring, String id)
            throws IOException {
        Optional<RingAreaStore.Announcement> announcement = Inputs.id(id)
                .flatMap(number -> store.announcement(ring.id(), number));
        if (announcement.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String list = InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS);
        views.render(request, response, "Mitteilung löschen", "confirm", new Confirmation(
                InternalFrame.of(access, request, ring, InternalFrame.ANNOUNCEMENTS),
                "Soll die Mitteilung „" + announcement.get().title() + "“ gelöscht werden?",
                "Sie verschwindet für alle Mitglieder des Rings; das lässt sich nicht rückgängig machen.",
                list + "/" + announcement.get().id() + "/" + InternalFrame.DELETE, list, "Mitteilung löschen"));
    }

    void delete(HttpServletResponse response, Ring ring, String id) {
        Inputs.id(id).ifPresent(number -> store.deleteAnnouncement(ring.id(), number));
        Http.seeOther(response, InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS));
    }
}
