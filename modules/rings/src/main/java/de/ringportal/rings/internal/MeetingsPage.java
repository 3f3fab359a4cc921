package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The meetings of a ring ({@code /ringe/<id>/intern/treffen}): the list, one meeting with agenda and minutes, a form
 * to add one and one to edit it (moderators), deleting one after a confirmation.
 */
final class MeetingsPage {

    static final int PLACE_MAX = 300;
    static final int TEXT_MAX = AnnouncementsPage.TEXT_MAX;

    private final RingAreaStore store;
    private final Views views;
    private final Access access;
    private final Clock clock;

    MeetingsPage(RingAreaStore store, Views views, Access access, Clock clock) {
        this.store = store;
        this.views = views;
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

    void list(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        list(request, response, ring, Form.empty());
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Ring ring, Form form)
            throws IOException {
        LocalDate today = LocalDate.now(clock);
        List<View> meetings = store.meetings(ring.id()).stream().map(meeting -> View.of(meeting, today)).toList();
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Ringtreffen – " + ring.name(), "intern-meetings",
                new ListModel(InternalFrame.of(access, request, ring, InternalFrame.MEETINGS), meetings, form));
    }

    void show(HttpServletRequest request, HttpServletResponse response, Ring ring, String id) throws IOException {
        Optional<RingAreaStore.Meeting> meeting = find(ring, id);
        if (meeting.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RingAreaStore.Meeting shown = meeting.get();
        show(request, response, ring, shown, new Form(Map.of("datum", shown.date().toString(), "ort", shown.place(),
                "tagesordnung", shown.agenda(), "protokoll", shown.minutes()), List.of()));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Ring ring, RingAreaStore.Meeting meeting,
            Form form) throws IOException {
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Ringtreffen am " + GermanDates.date(meeting.date()), "intern-meeting",
                new MeetingModel(InternalFrame.of(access, request, ring, InternalFrame.MEETINGS),
                        View.of(meeting, LocalDate.now(clock)), form));
    }

    void add(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        save(request, response, ring, null);
    }

    void update(HttpServletRequest request, HttpServletResponse response, Ring ring, String id) throws IOException {
        Optional<RingAreaStore.Meeting> meeting = find(ring, id);
        if (meeting.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            save(request, response, ring, meeting.get());
        }
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Ring ring,
            RingAreaStore.Meeting existing) throws IOException {
        String dateText = Inputs.text(request.getParameter("datum"), false);
        String place = Inputs.text(request.getParameter("ort"), false);
        String agenda = Inputs.text(request.getParameter("tagesordnung"), true);
        String minutes = Inputs.text(request.getParameter("protokoll"), true);
        Inputs.Errors errors = new Inputs.Errors();
        Optional<LocalDate> date = Inputs.date(dateText);
        if (dateText.isEmpty()) {
            errors.add("datum", "Bitte geben Sie das Datum des Treffens an.");
        } else if (date.isEmpty() || date.get().getYear() < Inputs.FIRST_YEAR
                || date.get().getYear() > Inputs.LAST_YEAR) {
            errors.add("datum", "Bitte geben Sie ein gültiges Datum zwischen " + Inputs.FIRST_YEAR + " und "
                    + Inputs.LAST_YEAR + " an, etwa 2026-03-14 oder 14.03.2026.");
        }
        errors.check("ort", "Ort", "den Ort", place, PLACE_MAX);
        errors.check("tagesordnung", "Tagesordnung", null, agenda, TEXT_MAX);
        errors.check("protokoll", "Protokoll", null, minutes, TEXT_MAX);
        if (!errors.isEmpty()) {
            Form form = Form.of(Map.of("datum", dateText, "ort", place, "tagesordnung", agenda, "protokoll", minutes),
                    errors);
            if (existing == null) {
                list(request, response, ring, form);
            } else {
                show(request, response, ring, existing, form);
            }
            return;
        }
        String list = InternalFrame.path(ring, InternalFrame.MEETINGS);
        if (existing == null) {
            store.addMeeting(ring.id(), date.get(), place, agenda, minutes, false);
            Http.seeOther(response, list);
        } else {
            store.updateMeeting(ring.id(), existing.id(), date.get(), place, agenda, minutes);
            Http.seeOther(response, list + "/" + existing.id());
        }
    }

    void confirmDelete(HttpServletRequest request, HttpServletResponse response, Ring ring, String id)
            throws IOException {
        Optional<RingAreaStore.Meeting> meeting = find(ring, id);
        if (meeting.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = InternalFrame.path(ring, InternalFrame.MEETINGS) + "/" + meeting.get().id();
        views.render(request, response, "Ringtreffen löschen", "confirm", new Confirmation(
                InternalFrame.of(access, request, ring, InternalFrame.MEETINGS),
                "Soll das Ringtreffen am " + GermanDates.date(meeting.get().date()) + " in " + meeting.get().place()
                        + " gelöscht werden?",
                "Tagesordnung und Protokoll werden mitgelöscht; das lässt sich nicht rückgängig machen.",
                path + "/" + InternalFrame.DELETE, path, "Ringtreffen löschen"));
    }

    void delete(HttpServletResponse response, Ring ring, String id) {
        Inputs.id(id).ifPresent(number -> store.deleteMeeting(ring.id(), number));
        Http.seeOther(response, InternalFrame.path(ring, InternalFrame.MEETINGS));
    }

    private Optional<RingAreaStore.Meeting> find(Ring ring, String id) {
        return Inputs.id(id).flatMap(number -> store.meeting(ring.id(), number));
    }
}
