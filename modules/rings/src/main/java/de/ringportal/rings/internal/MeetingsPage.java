package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.Access;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.rings.api.Ring;

/**
 * The meetings of a ring ({@code /ringe/<id>/intern/treffen}): the list, one meeting with agenda and minutes, a form
 * to add one and one to edit it (moderators), deleting one after a confirmation.
 */
final class MeetingsPage {

    static final int PLACE_MAX = 300;
    static final int TEXT_MAX = AnnouncementsPage.TEXT_MAX;

    private final RingAreaStore area;
    private final Access access;
    private final Clock clock;

    MeetingsPage(RingAreaStore area, Access access, Clock clock) {
        this.area = area;
        this.access = access;
        this.clock = clock;
    }

    /** One meeting as the list, the overview and the meeting's page show it. */
    record View(int id, String date, String isoDate, String place, List<String> agenda, List<String> minutes,
            boolean hasAgenda, boolean hasMinutes, boolean past, boolean demo) {

        static View of(RingAreaStore.Meeting meeting, LocalDate today) {
            return new View(meeting.id(), GermanDates.date(meeting.date()), meeting.date().toString(),
                    meeting.place(), Inputs.paragraphs(meeting.agenda()), Inputs.paragraphs(meeting.minutes()),
                    !meeting.agenda().isEmpty(), !meeting.minutes().isEmpty(), meeting.date().isBefore(today),
                    meeting.demo());
        }
    }

    /** The model of {@code intern-meetings}. */
    record ListModel(InternalFrame frame, List<View> meetings, Form input) {

        boolean hasMeetings() {
            return !meetings.isEmpty();
        }
    }

    /** The model of {@code intern-meeting}. */
    record MeetingModel(InternalFrame frame, View meeting, Form input) {
    }

    void list(Exchange exchange, Ring ring) throws IOException {
        list(exchange, ring, Form.empty());
    }

    private void list(Exchange exchange, Ring ring, Form form) throws IOException {
        LocalDate today = GermanDates.today(clock);
        List<View> meetings = area.meetings(ring.id()).stream().map(meeting -> View.of(meeting, today)).toList();
        exchange.render(form.errors(), "Ringtreffen – " + ring.name(), "intern-meetings", new ListModel(
                InternalFrame.of(access, exchange.request(), ring, InternalFrame.MEETINGS), meetings, form));
    }

    void show(Exchange exchange, Ring ring, int id) throws IOException {
        Optional<RingAreaStore.Meeting> meeting = area.meeting(ring.id(), id);
        if (meeting.isEmpty()) {
            exchange.notFound();
            return;
        }
        RingAreaStore.Meeting shown = meeting.get();
        show(exchange, ring, shown, Form.of(Map.of("datum", shown.date().toString(), "ort", shown.place(),
                "tagesordnung", shown.agenda(), "protokoll", shown.minutes())));
    }

    private void show(Exchange exchange, Ring ring, RingAreaStore.Meeting meeting, Form form) throws IOException {
        exchange.render(form.errors(), "Ringtreffen am " + GermanDates.date(meeting.date()), "intern-meeting",
                new MeetingModel(InternalFrame.of(access, exchange.request(), ring, InternalFrame.MEETINGS),
                        View.of(meeting, GermanDates.today(clock)), form));
    }

    void add(Exchange exchange, Ring ring) throws IOException {
        save(exchange, ring, null);
    }

    void update(Exchange exchange, Ring ring, int id) throws IOException {
        Optional<RingAreaStore.Meeting> meeting = area.meeting(ring.id(), id);
        if (meeting.isEmpty()) {
            exchange.notFound();
        } else {
            save(exchange, ring, meeting.get());
        }
    }

    private void save(Exchange exchange, Ring ring, RingAreaStore.Meeting existing) throws IOException {
        String dateText = Inputs.text(exchange.request().getParameter("datum"), false);
        String place = Inputs.text(exchange.request().getParameter("ort"), false);
        String agenda = Inputs.text(exchange.request().getParameter("tagesordnung"), true);
        String minutes = Inputs.text(exchange.request().getParameter("protokoll"), true);
        FormErrors errors = new FormErrors();
        Optional<LocalDate> date = Inputs.date(dateText);
        if (dateText.isEmpty()) {
            errors.add("datum", "Bitte geben Sie das Datum des Treffens an.");
        } else if (date.isEmpty() || date.get().getYear() < Inputs.FIRST_YEAR
                || date.get().getYear() > Inputs.LAST_YEAR) {
            errors.add("datum", "Bitte geben Sie ein gültiges Datum zwischen " + Inputs.FIRST_YEAR + " und "
                    + Inputs.LAST_YEAR + " an, etwa 2026-03-14 oder 14.03.2026.");
        }
        Inputs.checkLength(errors, "ort", "Ort", "den Ort", place, PLACE_MAX);
        Inputs.checkLength(errors, "tagesordnung", "Tagesordnung", null, agenda, TEXT_MAX);
        Inputs.checkLength(errors, "protokoll", "Protokoll", null, minutes, TEXT_MAX);
        if (errors.hasErrors()) {
            Form form = new Form(Map.of("datum", dateText, "ort", place, "tagesordnung", agenda,
                    "protokoll", minutes), errors);
            if (existing == null) {
                list(exchange, ring, form);
            } else {
                show(exchange, ring, existing, form);
            }
            return;
        }
        String list = InternalFrame.path(ring, InternalFrame.MEETINGS);
        if (existing == null) {
            area.addMeeting(ring.id(), date.get(), place, agenda, minutes, false);
            exchange.seeOther(list);
        } else {
            area.updateMeeting(ring.id(), existing.id(), date.get(), place, agenda, minutes);
            exchange.seeOther(list + "/" + existing.id());
        }
    }

    void confirmDelete(Exchange exchange, Ring ring, int id) throws IOException {
        Optional<RingAreaStore.Meeting> meeting = area.meeting(ring.id(), id);
        if (meeting.isEmpty()) {
            exchange.notFound();
            return;
        }
        String path = InternalFrame.path(ring, InternalFrame.MEETINGS) + "/" + id;
        exchange.render("Ringtreffen löschen", "confirm", new Confirmation(
                InternalFrame.of(access, exchange.request(), ring, InternalFrame.MEETINGS),
                "Soll das Ringtreffen am " + GermanDates.date(meeting.get().date()) + " in " + meeting.get().place()
                        + " gelöscht werden?",
                "Tagesordnung und Protokoll werden mitgelöscht; das lässt sich nicht rückgängig machen.",
                path + "/" + InternalFrame.DELETE, path, "Ringtreffen löschen"));
    }

    void delete(Exchange exchange, Ring ring, int id) {
        area.deleteMeeting(ring.id(), id);
        exchange.seeOther(InternalFrame.path(ring, InternalFrame.MEETINGS));
    }
}
