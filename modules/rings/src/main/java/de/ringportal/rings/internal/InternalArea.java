package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A ring's internal area below {@code /ringe/<id>/intern}: overview, announcements ({@code mitteilungen}), meetings
 * ({@code treffen}) and the contact directory ({@code kontakte}). Every page and action first checks
 * {@link Access#maySeeRing} (members of the ring in the current year, its moderators, Redaktion, Administration);
 * changes also need {@link Access#mayModerateRing} (the ring's moderators and the Redaktion).
 */
final class InternalArea {

    static final int PAGE_SIZE = 10;
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 8000;
    static final int PLACE_MAX = 300;
    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int PHONE_MAX = 50;

    private static final String ANNOUNCEMENTS = "mitteilungen";
    private static final String MEETINGS = "treffen";
    private static final String CONTACTS = "kontakte";
    private static final String DELETE = "loeschen";

    private final RingStore store;
    private final Registry registry;
    private final Views views;
    private final Access access;
    private final Clock clock;

    InternalArea(RingStore store, Registry registry, Views views, Access access, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.views = views;
        this.access = access;
        this.clock = clock;
    }

    void get(HttpServletRequest request, HttpServletResponse response, Ring ring, List<String> path)
            throws IOException {
        if (!access.require(request, response, access.maySeeRing(request, ring.id()))) {
            return;
        }
        String section = path.isEmpty() ? "" : path.get(0);
        switch (section) {
            case "" -> overview(request, response, ring);
            case ANNOUNCEMENTS -> {
                if (path.size() == 1) {
                    announcements(request, response, ring, Form.empty());
                } else if (path.size() == 3 && DELETE.equals(path.get(2))) {
                    if (moderator(request, response, ring)) {
                        confirmDeleteAnnouncement(request, response, ring, path.get(1));
                    }
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }
            case MEETINGS -> {
                if (path.size() == 1) {
                    meetings(request, response, ring, Form.empty());
                } else if (path.size() == 2) {
                    meeting(request, response, ring, path.get(1), null);
                } else if (path.size() == 3 && DELETE.equals(path.get(2))) {
                    if (moderator(request, response, ring)) {
                        confirmDeleteMeeting(request, response, ring, path.get(1));
                    }
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }
            case CONTACTS -> {
                if (path.size() == 1) {
                    contacts(request, response, ring, Form.empty());
                } else if (path.size() == 3 && DELETE.equals(path.get(2))) {
                    if (moderator(request, response, ring)) {
                        confirmDeleteContact(request, response, ring, path.get(1));
                    }
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    void post(HttpServletRequest request, HttpServletResponse response, Ring ring, List<String> path)
            throws IOException {
        if (!access.require(request, response, access.maySeeRing(request, ring.id()))
                || !moderator(request, response, ring)) {
            return;
        }
        String section = path.isEmpty() ? "" : path.get(0);
        String base = internalPath(ring);
        if (ANNOUNCEMENTS.equals(section) && path.size() == 1) {
            addAnnouncement(request, response, ring);
        } else if (ANNOUNCEMENTS.equals(section) && path.size() == 3 && DELETE.equals(path.get(2))) {
            Inputs.id(path.get(1)).ifPresent(id -> store.deleteAnnouncement(ring.id(), id));
            Http.seeOther(response, base + "/" + ANNOUNCEMENTS);
        } else if (MEETINGS.equals(section) && path.size() == 1) {
            saveMeeting(request, response, ring, null);
        } else if (MEETINGS.equals(section) && path.size() == 2) {
            Optional<RingStore.Meeting> meeting = Inputs.id(path.get(1)).flatMap(id -> store.meeting(ring.id(), id));
            if (meeting.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                saveMeeting(request, response, ring, meeting.get());
            }
        } else if (MEETINGS.equals(section) && path.size() == 3 && DELETE.equals(path.get(2))) {
            Inputs.id(path.get(1)).ifPresent(id -> store.deleteMeeting(ring.id(), id));
            Http.seeOther(response, base + "/" + MEETINGS);
        } else if (CONTACTS.equals(section) && path.size() == 1) {
            addContact(request, response, ring);
        } else if (CONTACTS.equals(section) && path.size() == 3 && DELETE.equals(path.get(2))) {
            Inputs.id(path.get(1)).ifPresent(id -> store.deleteContact(ring.id(), id));
            Http.seeOther(response, base + "/" + CONTACTS);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    // ---- overview

    private void overview(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        Map<String, Object> model = base(request, ring, "");
        model.put("announcements", store.announcements(ring.id(), 0, 3).stream().map(this::announcementView)
                .toList());
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> upcoming = store.meetings(ring.id()).stream()
                .filter(m -> !m.date().isBefore(today)).sorted((a, b) -> a.date().compareTo(b.date())).limit(3)
                .map(this::meetingView).toList();
        model.put("upcoming", upcoming);
        model.put("hasUpcoming", !upcoming.isEmpty());
        model.put("contactCount", store.contacts(ring.id()).size());
        views.render(request, response, ring.name() + ": interner Bereich", "intern-overview", model);
    }

    // ---- announcements

    private void announcements(HttpServletRequest request, HttpServletResponse response, Ring ring, Form form)
            throws IOException {
        Map<String, Object> model = base(request, ring, ANNOUNCEMENTS);
        int total = store.countAnnouncements(ring.id());
        Pager pager = Pager.of(request.getParameter("seite"), total, PAGE_SIZE,
                internalPath(ring) + "/" + ANNOUNCEMENTS + "?");
        model.put("announcements", store.announcements(ring.id(), pager.offset(), PAGE_SIZE).stream()
                .map(this::announcementView).toList());
        model.put("pager", pager);
        model.put("countLine", total == 1 ? "1 Mitteilung." : total == 0 ? "Noch keine Mitteilungen."
                : total + " Mitteilungen.");
        form.into(model);
        if (!form.errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Mitteilungen – " + ring.name(), "intern-announcements", model);
    }

    private void addAnnouncement(HttpServletRequest request, HttpServletResponse response, Ring ring)
            throws IOException {
        String title = Inputs.text(request.getParameter("titel"), false);
        String text = Inputs.text(request.getParameter("text"), true);
        Inputs.Errors errors = new Inputs.Errors();
        errors.check("titel", "Titel", "einen Titel", title, TITLE_MAX);
        errors.check("text", "Text", "einen Text", text, TEXT_MAX);
        if (!errors.isEmpty()) {
            announcements(request, response, ring, new Form(Map.of("titel", title, "text", text), errors));
            return;
        }
        String author = access.viewer(request).displayName();
        store.addAnnouncement(ring.id(), title, text, author, clock.instant(), false);
        Http.seeOther(response, internalPath(ring) + "/" + ANNOUNCEMENTS);
    }

    private void confirmDeleteAnnouncement(HttpServletRequest request, HttpServletResponse response, Ring ring,
            String id) throws IOException {
        Optional<RingStore.Announcement> announcement = Inputs.id(id)
                .flatMap(number -> store.announcement(ring.id(), number));
        if (announcement.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        confirm(request, response, ring, ANNOUNCEMENTS, "Mitteilung löschen",
                "Soll die Mitteilung „" + announcement.get().title() + "“ gelöscht werden?",
                "Sie verschwindet für alle Mitglieder des Rings; das lässt sich nicht rückgängig machen.",
                internalPath(ring) + "/" + ANNOUNCEMENTS + "/" + announcement.get().id() + "/" + DELETE,
                internalPath(ring) + "/" + ANNOUNCEMENTS);
    }

    private Map<String, Object> announcementView(RingStore.Announcement announcement) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", announcement.id());
        view.put("title", announcement.title());
        view.put("paragraphs", paragraphs(announcement.body()));
        view.put("author", announcement.author());
        view.put("when", GermanDates.dateTime(announcement.createdAt()));
        // the HTML datetime syntax allows at most three digits of a second
        view.put("datetime", announcement.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        view.put("demo", announcement.demo());
        return view;
    }

    // ---- meetings

    private void meetings(HttpServletRequest request, HttpServletResponse response, Ring ring, Form form)
            throws IOException {
        Map<String, Object> model = base(request, ring, MEETINGS);
        List<Map<String, Object>> meetings = store.meetings(ring.id()).stream().map(this::meetingView).toList();
        model.put("meetings", meetings);
        model.put("hasMeetings", !meetings.isEmpty());
        form.into(model);
        if (!form.errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Ringtreffen – " + ring.name(), "intern-meetings", model);
    }

    private void meeting(HttpServletRequest request, HttpServletResponse response, Ring ring, String id, Form form)
            throws IOException {
        Optional<RingStore.Meeting> meeting = Inputs.id(id).flatMap(number -> store.meeting(ring.id(), number));
        if (meeting.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> model = base(request, ring, MEETINGS);
        model.put("meeting", meetingView(meeting.get()));
        Form shown = form != null ? form : new Form(Map.of("datum", meeting.get().date().toString(),
                "ort", meeting.get().place(), "tagesordnung", meeting.get().agenda(),
                "protokoll", meeting.get().minutes()), new Inputs.Errors());
        shown.into(model);
        if (form != null && !form.errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Ringtreffen am " + GermanDates.date(meeting.get().date()), "intern-meeting",
                model);
    }

    private void saveMeeting(HttpServletRequest request, HttpServletResponse response, Ring ring,
            RingStore.Meeting existing) throws IOException {
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
            Form form = new Form(Map.of("datum", dateText, "ort", place, "tagesordnung", agenda,
                    "protokoll", minutes), errors);
            if (existing == null) {
                meetings(request, response, ring, form);
            } else {
                meeting(request, response, ring, Integer.toString(existing.id()), form);
            }
            return;
        }
        if (existing == null) {
            store.addMeeting(ring.id(), date.get(), place, agenda, minutes, false);
            Http.seeOther(response, internalPath(ring) + "/" + MEETINGS);
        } else {
            store.updateMeeting(ring.id(), existing.id(), date.get(), place, agenda, minutes);
            Http.seeOther(response, internalPath(ring) + "/" + MEETINGS + "/" + existing.id());
        }
    }

    private void confirmDeleteMeeting(HttpServletRequest request, HttpServletResponse response, Ring ring,
            String id) throws IOException {
        Optional<RingStore.Meeting> meeting = Inputs.id(id).flatMap(number -> store.meeting(ring.id(), number));
        if (meeting.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = internalPath(ring) + "/" + MEETINGS + "/" + meeting.get().id();
        confirm(request, response, ring, MEETINGS, "Ringtreffen löschen",
                "Soll das Ringtreffen am " + GermanDates.date(meeting.get().date()) + " in " + meeting.get().place()
                        + " gelöscht werden?",
                "Tagesordnung und Protokoll werden mitgelöscht; das lässt sich nicht rückgängig machen.",
                path + "/" + DELETE, path);
    }

    private Map<String, Object> meetingView(RingStore.Meeting meeting) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", meeting.id());
        view.put("date", GermanDates.date(meeting.date()));
        view.put("isoDate", meeting.date().toString());
        view.put("place", meeting.place());
        view.put("agenda", paragraphs(meeting.agenda()));
        view.put("minutes", paragraphs(meeting.minutes()));
        view.put("hasAgenda", !meeting.agenda().isEmpty());
        view.put("hasMinutes", !meeting.minutes().isEmpty());
        view.put("past", meeting.date().isBefore(LocalDate.now(clock)));
        view.put("demo", meeting.demo());
        return view;
    }

    // ---- contacts

    private void contacts(HttpServletRequest request, HttpServletResponse response, Ring ring, Form form)
            throws IOException {
        Map<String, Object> model = base(request, ring, CONTACTS);
        Registry.Snapshot names = registry.snapshot();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RingStore.Contact contact : store.contacts(ring.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", contact.id());
            row.put("municipality", names.nameOf(contact.ags()));
            row.put("ags", contact.ags());
            row.put("name", contact.name());
            row.put("roleTitle", contact.roleTitle());
            row.put("email", contact.email());
            row.put("phone", contact.phone());
            row.put("demo", contact.demo());
            rows.add(row);
        }
        rows.sort((a, b) -> ((String) a.get("municipality")).compareTo((String) b.get("municipality")));
        model.put("contacts", rows);
        model.put("hasContacts", !rows.isEmpty());
        model.put("registryNotice", names.available() ? null : Registry.UNAVAILABLE);
        List<Map<String, Object>> members = new ArrayList<>();
        int year = Year.now(clock).getValue();
        for (String ags : memberChoices(ring, year)) {
            members.add(Map.of("ags", ags, "name", names.nameOf(ags),
                    "selected", ags.equals(form.values.get("ags"))));
        }
        model.put("memberChoices", members);
        form.into(model);
        if (!form.errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Ansprechpersonen – " + ring.name(), "intern-contacts", model);
    }

    /** The municipalities a contact may belong to: the ring's members of the year, or of its latest year. */
    private List<String> memberChoices(Ring ring, int year) {
        List<Integer> years = store.years();
        int shown = MembershipYears.displayYear(Optional.empty(), years, year);
        return store.memberships(ring.id(), shown).stream().map(RingStore.Membership::ags).toList();
    }

    private void addContact(HttpServletRequest request, HttpServletResponse response, Ring ring)
            throws IOException {
        String ags = Inputs.text(request.getParameter("ags"), false);
        String name = Inputs.text(request.getParameter("name"), false);
        String roleTitle = Inputs.text(request.getParameter("funktion"), false);
        String email = Inputs.text(request.getParameter("email"), false);
        String phone = Inputs.text(request.getParameter("telefon"), false);
        Inputs.Errors errors = new Inputs.Errors();
        if (!Inputs.isAgs(ags)) {
            errors.add("ags", "Bitte wählen Sie die Kommune (Kreisschlüssel aus fünf Ziffern).");
        }
        errors.check("name", "Name", "den Namen", name, NAME_MAX);
        errors.check("funktion", "Funktion", null, roleTitle, NAME_MAX);
        if (!email.isEmpty() && (email.length() > EMAIL_MAX || !Inputs.isEmail(email))) {
            errors.add("email", "Bitte geben Sie eine gültige E-Mail-Adresse an (name@beispiel.de) oder lassen "
                    + "Sie das Feld leer.");
        }
        if (phone.length() > PHONE_MAX || !phone.matches("[0-9 +()/\\-]*")) {
            errors.add("telefon", "Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten, "
                    + "höchstens " + PHONE_MAX + " Zeichen.");
        }
        if (!errors.isEmpty()) {
            contacts(request, response, ring, new Form(Map.of("ags", ags, "name", name, "funktion", roleTitle,
                    "email", email, "telefon", phone), errors));
            return;
        }
        store.addContact(ring.id(), ags, name, roleTitle, email, phone, false);
        Http.seeOther(response, internalPath(ring) + "/" + CONTACTS);
    }

    private void confirmDeleteContact(HttpServletRequest request, HttpServletResponse response, Ring ring,
            String id) throws IOException {
        Optional<RingStore.Contact> contact = Inputs.id(id).flatMap(number -> store.contact(ring.id(), number));
        if (contact.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        confirm(request, response, ring, CONTACTS, "Ansprechperson entfernen",
                "Soll „" + contact.get().name() + "“ aus dem Verzeichnis entfernt werden?",
                "Der Eintrag verschwindet für alle Mitglieder des Rings.",
                internalPath(ring) + "/" + CONTACTS + "/" + contact.get().id() + "/" + DELETE,
                internalPath(ring) + "/" + CONTACTS);
    }

    // ---- shared

    private boolean moderator(HttpServletRequest request, HttpServletResponse response, Ring ring)
            throws IOException {
        return access.require(request, response, access.mayModerateRing(request, ring.id()));
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, Ring ring, String section,
            String title, String question, String explanation, String action, String cancel) throws IOException {
        Map<String, Object> model = base(request, ring, section);
        model.put("question", question);
        model.put("explanation", explanation);
        model.put("action", action);
        model.put("cancel", cancel);
        model.put("yesLabel", title);
        views.render(request, response, title, "confirm", model);
    }

    /** What every internal page shows: the ring, the sub-navigation, whether the viewer may post. */
    private Map<String, Object> base(HttpServletRequest request, Ring ring, String section) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("ring", ring);
        model.put("base", internalPath(ring));
        model.put("mayModerate", access.mayModerateRing(request, ring.id()));
        List<Map<String, Object>> nav = new ArrayList<>();
        for (String[] entry : new String[][] { { "", "Übersicht" }, { ANNOUNCEMENTS, "Mitteilungen" },
                { MEETINGS, "Ringtreffen" }, { CONTACTS, "Ansprechpersonen" } }) {
            nav.add(Map.of("path", internalPath(ring) + (entry[0].isEmpty() ? "" : "/" + entry[0]),
                    "label", entry[1], "current", entry[0].equals(section)));
        }
        model.put("nav", nav);
        model.put("internalNav", true);
        return model;
    }

    static String internalPath(Ring ring) {
        return "/ringe/" + ring.id() + "/" + RingPages.INTERNAL;
    }

    private static List<String> paragraphs(String text) {
        return Inputs.paragraphs(text);
    }

    /** The values and problems of a form being shown again. */
    static final class Form {

        final Map<String, String> values;
        final Inputs.Errors errors;

        Form(Map<String, String> values, Inputs.Errors errors) {
            this.values = values;
            this.errors = errors;
        }

        static Form empty() {
            return new Form(Map.of(), new Inputs.Errors());
        }

        void into(Map<String, Object> model) {
            model.put("form", values);
            model.put("errors", errors.list());
            model.put("hasErrors", !errors.isEmpty());
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            errors.list().forEach(error -> fieldErrors.putIfAbsent(error.target(), error.message()));
            model.put("fieldErrors", fieldErrors);
        }
    }
}
