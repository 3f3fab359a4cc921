package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Pager;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.rings.api.Ring;

/**
 * The announcements of a ring ({@code /ringe/<id>/intern/mitteilungen}): a paged list for the members, a form for
 * the moderators and deleting one after a confirmation.
 */
final class AnnouncementsPage {

    static final int PAGE_SIZE = 10;
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 8000;

    private final RingAreaStore area;
    private final Access access;
    private final Clock clock;

    AnnouncementsPage(RingAreaStore area, Access access, Clock clock) {
        this.area = area;
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

    void list(Exchange exchange, Ring ring) throws IOException {
        list(exchange, ring, Form.empty());
    }

    private void list(Exchange exchange, Ring ring, Form form) throws IOException {
        int total = area.countAnnouncements(ring.id());
        Pager pager = Pager.of(exchange.request().getParameter("seite"), total, PAGE_SIZE,
                InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS) + "?");
        List<View> shown = area.announcements(ring.id(), pager.offset(), PAGE_SIZE).stream().map(View::of)
                .toList();
        String countLine = total == 1 ? "1 Mitteilung." : total == 0 ? "Noch keine Mitteilungen."
                : total + " Mitteilungen.";
        exchange.render(form.errors(), "Mitteilungen – " + ring.name(), "intern-announcements", new Model(
                InternalFrame.of(access, exchange.request(), ring, InternalFrame.ANNOUNCEMENTS), shown, pager,
                countLine, form));
    }

    void add(Exchange exchange, Ring ring) throws IOException {
        String title = Inputs.text(exchange.request().getParameter("titel"), false);
        String text = Inputs.text(exchange.request().getParameter("text"), true);
        FormErrors errors = new FormErrors();
        Inputs.checkLength(errors, "titel", "Titel", "einen Titel", title, TITLE_MAX);
        Inputs.checkLength(errors, "text", "Text", "einen Text", text, TEXT_MAX);
        if (errors.hasErrors()) {
            list(exchange, ring, new Form(Map.of("titel", title, "text", text), errors));
            return;
        }
        area.addAnnouncement(ring.id(), title, text, exchange.viewer().displayName(), clock.instant(), false);
        exchange.seeOther(InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS));
    }

    void confirmDelete(Exchange exchange, Ring ring, int id) throws IOException {
        Optional<RingAreaStore.Announcement> announcement = area.announcement(ring.id(), id);
        if (announcement.isEmpty()) {
            exchange.notFound();
            return;
        }
        String list = InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS);
        exchange.render("Mitteilung löschen", "confirm", new Confirmation(
                InternalFrame.of(access, exchange.request(), ring, InternalFrame.ANNOUNCEMENTS),
                "Soll die Mitteilung „" + announcement.get().title() + "“ gelöscht werden?",
                "Sie verschwindet für alle Mitglieder des Rings; das lässt sich nicht rückgängig machen.",
                list + "/" + id + "/" + InternalFrame.DELETE, list, "Mitteilung löschen"));
    }

    void delete(Exchange exchange, Ring ring, int id) {
        area.deleteAnnouncement(ring.id(), id);
        exchange.seeOther(InternalFrame.path(ring, InternalFrame.ANNOUNCEMENTS));
    }
}
