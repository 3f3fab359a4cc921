package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Views;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The directory of a ring's contact persons ({@code /ringe/<id>/intern/kontakte}): one table for the members, a form
 * for the moderators to add a person of a member municipality, removing one after a confirmation.
 */
final class ContactsPage {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int PHONE_MAX = 50;

    private final RingStore store;
    private final RingAreaStore area;
    private final Registry registry;
    private final Views views;
    private final Access access;
    private final Clock clock;

    ContactsPage(RingStore store, RingAreaStore area, Registry registry, Views views, Access access, Clock clock) {
        this.store = store;
        this.area = area;
        this.registry = registry;
        this.views = views;
        this.access = access;
        this.clock = clock;
    }

    /** One row of the directory. */
    record Row(int id, String municipality, String ags, String name, String roleTitle, String email, String phone,
            boolean demo) {
    }

    /** One municipality the form offers. */
    record Choice(String ags, String name, boolean selected) {
    }

    /** The model of {@code intern-contacts}. */
    record Model(InternalFrame frame, List<Row> contacts, String registryNotice, List<Choice> memberChoices,
            Form input) {

        boolean hasContacts() {
            return !contacts.isEmpty();
        }
    }

    void list(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        list(request, response, ring, Form.empty());
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Ring ring, Form form)
            throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Row> rows = area.contacts(ring.id()).stream()
                .map(contact -> new Row(contact.id(), names.nameOf(contact.ags()), contact.ags(), contact.name(),
                        contact.roleTitle(), contact.email(), contact.phone(), contact.demo()))
                .sorted(Comparator.comparing(Row::municipality)).toList();
        String chosen = form.form().get("ags");
        List<Choice> choices = memberChoices(ring).stream()
                .map(ags -> new Choice(ags, names.nameOf(ags), ags.equals(chosen))).toList();
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Ansprechpersonen – " + ring.name(), "intern-contacts", new Model(
                InternalFrame.of(access, request, ring, InternalFrame.CONTACTS), rows,
                names.available() ? null : Registry.UNAVAILABLE, choices, form));
    }

    /** The municipalities a contact may belong to: the ring's members of the year, or of its latest year. */
    private List<String> memberChoices(Ring ring) {
        int shown = MembershipYears.displayYear(Optional.empty(), store.years(), Year.now(clock).getValue());
        return store.memberships(ring.id(), shown).stream().map(RingStore.Membership::ags).toList();
    }

    void add(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
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
            list(request, response, ring, Form.of(Map.of("ags", ags, "name", name, "funktion", roleTitle,
                    "email", email, "telefon", phone), errors));
            return;
        }
        area.addContact(ring.id(), ags, name, roleTitle, email, phone, false);
        Http.seeOther(response, InternalFrame.path(ring, InternalFrame.CONTACTS));
    }

    void confirmDelete(HttpServletRequest request, HttpServletResponse response, Ring ring, String id)
            throws IOException {
        Optional<RingAreaStore.Contact> contact = Inputs.id(id).flatMap(number -> area.contact(ring.id(), number));
        if (contact.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String list = InternalFrame.path(ring, InternalFrame.CONTACTS);
        views.render(request, response, "Ansprechperson entfernen", "confirm", new Confirmation(
                InternalFrame.of(access, request, ring, InternalFrame.CONTACTS),
                "Soll „" + contact.get().name() + "“ aus dem Verzeichnis entfernt werden?",
                "Der Eintrag verschwindet für alle Mitglieder des Rings.",
                list + "/" + contact.get().id() + "/" + InternalFrame.DELETE, list, "Ansprechperson entfernen"));
    }

    void delete(HttpServletResponse response, Ring ring, String id) {
        Inputs.id(id).ifPresent(number -> area.deleteContact(ring.id(), number));
        Http.seeOther(response, InternalFrame.path(ring, InternalFrame.CONTACTS));
    }
}
