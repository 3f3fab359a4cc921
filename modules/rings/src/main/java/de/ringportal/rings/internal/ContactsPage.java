package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.Access;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.rings.api.Ring;

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
    private final Access access;
    private final Clock clock;

    ContactsPage(RingStore store, RingAreaStore area, Registry registry, Access access, Clock clock) {
        this.store = store;
        this.area = area;
        this.registry = registry;
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

    void list(Exchange exchange, Ring ring) throws IOException {
        list(exchange, ring, Form.empty());
    }

    private void list(Exchange exchange, Ring ring, Form form) throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Row> rows = area.contacts(ring.id()).stream()
                .map(contact -> new Row(contact.id(), names.nameOf(contact.ags()), contact.ags(), contact.name(),
                        contact.roleTitle(), contact.email(), contact.phone(), contact.demo()))
                .sorted(Comparator.comparing(Row::municipality)).toList();
        String chosen = form.form().get("ags");
        List<Choice> choices = memberChoices(ring).stream()
                .map(ags -> new Choice(ags, names.nameOf(ags), ags.equals(chosen))).toList();
        exchange.render(form.errors(), "Ansprechpersonen – " + ring.name(), "intern-contacts", new Model(
                InternalFrame.of(access, exchange.request(), ring, InternalFrame.CONTACTS), rows,
                names.available() ? null : Registry.UNAVAILABLE, choices, form));
    }

    /** The municipalities a contact may belong to: the ring's members of the year, or of its latest year. */
    private List<String> memberChoices(Ring ring) {
        int shown = MembershipYears.displayYear(Optional.empty(), store.years(),
                GermanDates.today(clock).getYear());
        return store.memberships(ring.id(), shown).stream().map(RingStore.Membership::ags).toList();
    }

    void add(Exchange exchange, Ring ring) throws IOException {
        String ags = Inputs.text(exchange.request().getParameter("ags"), false);
        String name = Inputs.text(exchange.request().getParameter("name"), false);
        String roleTitle = Inputs.text(exchange.request().getParameter("funktion"), false);
        String email = Inputs.text(exchange.request().getParameter("email"), false);
        String phone = Inputs.text(exchange.request().getParameter("telefon"), false);
        FormErrors errors = new FormErrors();
        if (!Inputs.isAgs(ags)) {
            errors.add("ags", "Bitte wählen Sie die Kommune (Kreisschlüssel aus fünf Ziffern).");
        }
        Inputs.checkLength(errors, "name", "Name", "den Namen", name, NAME_MAX);
        Inputs.checkLength(errors, "funktion", "Funktion", null, roleTitle, NAME_MAX);
        if (!email.isEmpty() && (email.length() > EMAIL_MAX || !Inputs.isEmail(email))) {
            errors.add("email", "Bitte geben Sie eine gültige E-Mail-Adresse an (name@beispiel.de) oder lassen "
                    + "Sie das Feld leer.");
        }
        if (phone.length() > PHONE_MAX || !phone.matches("[0-9 +()/\\-]*")) {
            errors.add("telefon", "Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten, "
                    + "höchstens " + PHONE_MAX + " Zeichen.");
        }
        if (errors.hasErrors()) {
            list(exchange, ring, new Form(Map.of("ags", ags, "name", name, "funktion", roleTitle, "email", email,
                    "telefon", phone), errors));
            return;
        }
        area.addContact(ring.id(), ags, name, roleTitle, email, phone, false);
        exchange.seeOther(InternalFrame.path(ring, InternalFrame.CONTACTS));
    }

    void confirmDelete(Exchange exchange, Ring ring, int id) throws IOException {
        Optional<RingAreaStore.Contact> contact = area.contact(ring.id(), id);
        if (contact.isEmpty()) {
            exchange.notFound();
            return;
        }
        String list = InternalFrame.path(ring, InternalFrame.CONTACTS);
        exchange.render("Ansprechperson entfernen", "confirm", new Confirmation(
                InternalFrame.of(access, exchange.request(), ring, InternalFrame.CONTACTS),
                "Soll „" + contact.get().name() + "“ aus dem Verzeichnis entfernt werden?",
                "Der Eintrag verschwindet für alle Mitglieder des Rings.",
                list + "/" + id + "/" + InternalFrame.DELETE, list, "Ansprechperson entfernen"));
    }

    void delete(Exchange exchange, Ring ring, int id) {
        area.deleteContact(ring.id(), id);
        exchange.seeOther(InternalFrame.path(ring, InternalFrame.CONTACTS));
    }
}
