package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A ring's memberships for the Redaktion and Administration ({@code /admin/ringe/<id>/mitglieder?jahr=}): the
 * municipalities of a year, a form to assign one (one ring per municipality and year) and removing one after a
 * confirmation. {@link RingAdminPages} routes here after its access check.
 */
final class MembershipAdminPage {

    static final String MEMBERS = "mitglieder";
    static final String REMOVE = "entfernen";

    private final RingStore store;
    private final Registry registry;
    private final Clock clock;
    private final AuditTrail audit;

    /** @param audit records each change; the servlet's, which skips it while the accounts module is away */
    MembershipAdminPage(RingStore store, Registry registry, Clock clock, AuditTrail audit) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.audit = audit;
    }

    /** One membership of the list. */
    record Row(String ags, String name, String source, boolean demo, String removePath) {
    }

    /** The model of {@code admin-members}. */
    record Model(Ring ring, int year, List<Row> rows, List<RingPages.YearChoice> years, String registryNotice,
            Form input) {

        boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    void show(Exchange exchange, Ring ring) throws IOException {
        int year = yearOf(exchange.request());
        show(exchange, ring, year, Form.of(Map.of("jahr", Integer.toString(year))));
    }

    private void show(Exchange exchange, Ring ring, int year, Form form) throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Row> rows = store.memberships(ring.id(), year).stream()
                .map(membership -> new Row(membership.ags(), names.nameOf(membership.ags()), membership.source(),
                        membership.demo(), removePath(ring, membership.ags(), year)))
                .toList();
        exchange.render(form.errors(), "Mitglieder von " + ring.name(), "admin-members", new Model(ring, year, rows,
                RingPages.yearChoices(store.years(), year), names.available() ? null : Registry.UNAVAILABLE, form));
    }

    void add(Exchange exchange, Ring ring) throws IOException {
        HttpServletRequest request = exchange.request();
        String ags = Inputs.text(request.getParameter("ags"), false);
        String yearText = Inputs.text(request.getParameter("jahr"), false);
        Optional<Integer> year = Inputs.year(yearText);
        FormErrors errors = new FormErrors();
        Registry.Snapshot names = registry.snapshot();
        if (!Inputs.isAgs(ags)) {
            errors.add("ags", "Bitte geben Sie den Kreisschlüssel (AGS) aus fünf Ziffern an, etwa 08426.");
        } else if (names.available() && names.municipality(ags).isEmpty()) {
            errors.add("ags", "Den Kreisschlüssel " + ags + " kennt das Kommunenverzeichnis nicht.");
        }
        if (year.isEmpty()) {
            errors.add("jahr", "Bitte geben Sie ein Jahr zwischen " + Inputs.FIRST_YEAR + " und " + Inputs.LAST_YEAR
                    + " an.");
        }
        if (!errors.hasErrors()) {
            Optional<String> current = store.ringOf(ags, year.get());
            if (current.isPresent()) {
                errors.add("ags", names.nameOf(ags) + " gehört " + year.get() + " schon zu "
                        + store.ring(current.get()).map(Ring::name).orElse("Ring " + current.get())
                        + "; entfernen Sie die Kommune dort zuerst.");
            } else if (store.addMembership(ring.id(), ags, year.get(), "", false)) {
                audit.record(request, "Ringmitgliedschaft eingetragen", ring.name(), ags + " " + year.get());
                exchange.seeOther(path(ring, year.get()));
                return;
            } else {
                errors.add("ags", names.nameOf(ags) + " gehört " + year.get() + " schon zu einem Ring.");
            }
        }
        show(exchange, ring, year.orElse(yearOf(request)), new Form(Map.of("ags", ags, "jahr", yearText), errors));
    }

    void confirmRemove(Exchange exchange, Ring ring) throws IOException {
        HttpServletRequest request = exchange.request();
        String ags = request.getParameter("ags");
        Optional<Integer> year = Inputs.year(request.getParameter("jahr"));
        if (!Inputs.isAgs(ags) || year.isEmpty()
                || store.memberships(ring.id(), year.get()).stream().noneMatch(m -> m.ags().equals(ags))) {
            exchange.notFound();
            return;
        }
        exchange.render("Mitgliedschaft entfernen", "confirm", new Confirmation(null,
                "Soll " + registry.snapshot().nameOf(ags) + " (" + ags + ") für " + year.get() + " aus „"
                        + ring.name() + "“ entfernt werden?",
                "Die Mitglieder dieser Kommune sehen den internen Bereich des Rings dann nicht mehr, sofern das Jahr "
                        + year.get() + " für sie maßgeblich ist.",
                removePath(ring, ags, year.get()), path(ring, year.get()), "Mitgliedschaft entfernen"));
    }

    void remove(Exchange exchange, Ring ring) {
        HttpServletRequest request = exchange.request();
        String ags = request.getParameter("ags");
        Optional<Integer> year = Inputs.year(request.getParameter("jahr"));
        if (Inputs.isAgs(ags) && year.isPresent() && store.removeMembership(ring.id(), ags, year.get())) {
            audit.record(request, "Ringmitgliedschaft entfernt", ring.name(), ags + " " + year.get());
        }
        exchange.seeOther(path(ring, year.orElse(yearOf(request))));
    }

    /** The year asked for with {@code jahr}, else the latest year with memberships (see {@link MembershipYears}). */
    int yearOf(HttpServletRequest request) {
        return MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), store.years(),
                GermanDates.today(clock).getYear());
    }

    /** {@code /admin/ringe/<id>/mitglieder?jahr=<year>}. */
    static String path(Ring ring, int year) {
        return RingAdminPages.BASE + "/" + ring.id() + "/" + MEMBERS + "?jahr=" + year;
    }

    private static String removePath(Ring ring, String ags, int year) {
        return RingAdminPages.BASE + "/" + ring.id() + "/" + MEMBERS + "/" + REMOVE + "?ags=" + ags + "&jahr=" + year;
    }
}
