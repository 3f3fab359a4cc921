package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Handler;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Managing the rings (Redaktion and Administration): {@code /admin/ringe} lists them and adds one,
 * {@code /admin/ringe/<id>} edits name, description and moderator contact, {@code .../loeschen} deletes after a
 * confirmation; {@code .../mitglieder?jahr=} ({@link MembershipAdminPage}) assigns municipalities for a year and
 * removes them after a confirmation.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/ringe/*")
@MenuEntry(label = "Ringe verwalten", path = "/admin/ringe", order = 910, role = { "redaktion", "administration" })
public class RingAdminPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int MODERATOR_MAX = 1000;
    static final String BASE = "/admin/ringe";
    private static final String DELETE = "loeschen";

    private final transient RingStore store;
    private final transient MembershipAdminPage memberships;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AuditTrail audit;

    @Activate
    public RingAdminPages(@Reference RingStore store, @Reference Registry registry, @Reference Views views,
            @Reference Access access) {
        super(access, views);
        this.store = store;
        this.memberships = new MembershipAdminPage(store, registry, Clock.systemUTC(), this::record);
    }

    /** One ring of the list. */
    record Row(String id, int number, String name, String moderator, int members, String membersPath) {
    }

    /** The model of {@code admin-rings}. */
    record ListModel(List<Row> rings, int year, Form input) {
    }

    /** The model of {@code admin-ring}. */
    record EditModel(Ring ring, String counts, Form input) {
    }

    /** Every page, even an unknown one, first asks for the Redaktion or the Administration. */
    @Override
    protected Routes routes() {
        String ring = "/{ring:word}";
        String members = ring + "/" + MembershipAdminPage.MEMBERS;
        String remove = members + "/" + MembershipAdminPage.REMOVE;
        return Routes.builder()
                .guardAll((request, path) -> access().mayEditPublicContent(request) || access().mayAdminister(request))
                .get("/", exchange -> list(exchange, Form.empty())).post("/", this::addRing)
                .get(ring, on((exchange, found) -> edit(exchange, found, Form.of(Map.of("name", found.name(),
                        "beschreibung", found.description(), "moderation", found.moderator())))))
                .post(ring, on(this::saveRing))
                .get(ring + "/" + DELETE, on(this::confirmDelete)).post(ring + "/" + DELETE, on(this::delete))
                .get(members, on(memberships::show)).post(members, on(memberships::add))
                .get(remove, on(memberships::confirmRemove)).post(remove, on(memberships::remove))
                .build();
    }

    private Handler on(RingHandler handler) {
        return RingHandler.on(store, handler);
    }

    private void list(Exchange exchange, Form form) throws IOException {
        int year = memberships.yearOf(exchange.request());
        Map<String, List<RingStore.Membership>> members = store.membershipsByRing(year);
        List<Row> rows = store.rings().stream().map(ring -> new Row(ring.id(), ring.number(), ring.name(),
                ring.moderator(), members.getOrDefault(ring.id(), List.of()).size(),
                MembershipAdminPage.path(ring, year))).toList();
        exchange.render(form.errors(), "Vergleichsringe verwalten", "admin-rings", new ListModel(rows, year, form));
    }

    private void addRing(Exchange exchange) throws IOException {
        Map<String, String> form = ringForm(exchange);
        FormErrors errors = checkRing(form);
        if (errors.hasErrors()) {
            list(exchange, new Form(form, errors));
            return;
        }
        Ring ring = store.addRing(form.get("name"), form.get("beschreibung"), form.get("moderation"));
        record(exchange.request(), "Vergleichsring angelegt", ring.name(), "");
        exchange.seeOther(BASE);
    }

    private void edit(Exchange exchange, Ring ring, Form form) throws IOException {
        exchange.render(form.errors(), ring.name() + " bearbeiten", "admin-ring",
                new EditModel(ring, counts(store.contentCounts(ring.id())), form));
    }

    private void saveRing(Exchange exchange, Ring ring) throws IOException {
        Map<String, String> form = ringForm(exchange);
        FormErrors errors = checkRing(form);
        if (errors.hasErrors()) {
            edit(exchange, ring, new Form(form, errors));
            return;
        }
        store.updateRing(ring.id(), form.get("name"), form.get("beschreibung"), form.get("moderation"));
        record(exchange.request(), "Vergleichsring geändert", form.get("name"), "");
        exchange.seeOther(BASE);
    }

    private void confirmDelete(Exchange exchange, Ring ring) throws IOException {
        exchange.render("Vergleichsring löschen", "confirm", new Confirmation(null,
                "Soll „" + ring.name() + "“ gelöscht werden?",
                "Mit dem Ring werden " + counts(store.contentCounts(ring.id()))
                        + " gelöscht; das lässt sich nicht rückgängig machen.",
                BASE + "/" + ring.id() + "/" + DELETE, BASE + "/" + ring.id(), "Ring endgültig löschen"));
    }

    private void delete(Exchange exchange, Ring ring) {
        store.deleteRing(ring.id());
        record(exchange.request(), "Vergleichsring gelöscht", ring.name(), "");
        exchange.seeOther(BASE);
    }

    private static Map<String, String> ringForm(Exchange exchange) {
        HttpServletRequest request = exchange.request();
        return Map.of("name", Inputs.text(request.getParameter("name"), false),
                "beschreibung", Inputs.text(request.getParameter("beschreibung"), true),
                "moderation", Inputs.text(request.getParameter("moderation"), true));
    }

    private static FormErrors checkRing(Map<String, String> form) {
        FormErrors errors = new FormErrors();
        Inputs.checkLength(errors, "name", "Name", "einen Namen", form.get("name"), NAME_MAX);
        Inputs.checkLength(errors, "beschreibung", "Beschreibung", null, form.get("beschreibung"), DESCRIPTION_MAX);
        Inputs.checkLength(errors, "moderation", "Moderation", null, form.get("moderation"), MODERATOR_MAX);
        return errors;
    }

    private static String counts(int[] counts) {
        return counts[0] + " Mitgliedschaften, " + counts[1] + " Mitteilungen, " + counts[2] + " Ringtreffen und "
                + counts[3] + " Ansprechpersonen";
    }

    /** Records the change where the accounts module keeps an audit log; without it, nothing is recorded. */
    private void record(HttpServletRequest request, String action, String subject, String detail) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(request, action, subject, detail);
        }
    }
}
