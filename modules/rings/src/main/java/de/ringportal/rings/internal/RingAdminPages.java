package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import de.ringportal.rings.api.Ring;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Managing the rings (Redaktion and Administration): {@code /admin/ringe} lists them and adds one,
 * {@code /admin/ringe/<id>} edits name, description and moderator contact, {@code .../loeschen} deletes after a
 * confirmation; {@code .../mitglieder?jahr=} ({@link MembershipAdminPage}) assigns municipalities for a year and
 * removes them after a confirmation.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/ringe/*")
@MenuEntry(label = "Ringe verwalten", path = "/admin/ringe", order = 910, role = { "redaktion", "administration" })
public class RingAdminPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int MODERATOR_MAX = 1000;
    static final String BASE = "/admin/ringe";
    private static final String DELETE = "loeschen";

    private final transient RingStore store;
    private final transient Views views;
    private final transient Access access;
    private final transient MembershipAdminPage memberships;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AuditTrail audit;

    @Activate
    public RingAdminPages(@Reference RingStore store, @Reference Registry registry, @Reference Views views,
            @Reference Access access) {
        this.store = store;
        this.views = views;
        this.access = access;
        this.memberships = new MembershipAdminPage(store, registry, views, Clock.systemDefaultZone(), this::record);
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

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request, response)) {
            return;
        }
        List<String> path = Http.segments(request);
        if (path.isEmpty()) {
            list(request, response, Form.empty());
            return;
        }
        Optional<Ring> ring = store.ring(path.get(0));
        if (ring.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (path.size() == 1) {
            edit(request, response, ring.get(), new Form(Map.of("name", ring.get().name(), "beschreibung",
                    ring.get().description(), "moderation", ring.get().moderator()), List.of()));
        } else if (path.size() == 2 && DELETE.equals(path.get(1))) {
            confirmDelete(request, response, ring.get());
        } else if (path.size() == 2 && MembershipAdminPage.MEMBERS.equals(path.get(1))) {
            memberships.show(request, response, ring.get());
        } else if (path.size() == 3 && MembershipAdminPage.MEMBERS.equals(path.get(1))
                && MembershipAdminPage.REMOVE.equals(path.get(2))) {
            memberships.confirmRemove(request, response, ring.get());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request, response)) {
            return;
        }
        List<String> path = Http.segments(request);
        if (path.isEmpty()) {
            addRing(request, response);
            return;
        }
        Optional<Ring> ring = store.ring(path.get(0));
        if (ring.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (path.size() == 1) {
            saveRing(request, response, ring.get());
        } else if (path.size() == 2 && DELETE.equals(path.get(1))) {
            store.deleteRing(ring.get().id());
            record(request, "Vergleichsring gelöscht", ring.get().name(), "");
            Http.seeOther(response, BASE);
        } else if (path.size() == 2 && MembershipAdminPage.MEMBERS.equals(path.get(1))) {
            memberships.add(request, response, ring.get());
        } else if (path.size() == 3 && MembershipAdminPage.MEMBERS.equals(path.get(1))
                && MembershipAdminPage.REMOVE.equals(path.get(2))) {
            memberships.remove(request, response, ring.get());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean allowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return access.require(request, response, access.mayEditPublicContent(request) || access.mayAdminister(request));
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Form form) throws IOException {
        int year = memberships.yearOf(request);
        Map<String, List<RingStore.Membership>> members = store.membershipsByRing(year);
        List<Row> rows = store.rings().stream().map(ring -> new Row(ring.id(), ring.number(), ring.name(),
                ring.moderator(), members.getOrDefault(ring.id(), List.of()).size(),
                MembershipAdminPage.path(ring, year))).toList();
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Vergleichsringe verwalten", "admin-rings", new ListModel(rows, year, form));
    }

    private void addRing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = ringForm(request);
        Inputs.Errors errors = checkRing(form);
        if (!errors.isEmpty()) {
            list(request, response, Form.of(form, errors));
            return;
        }
        Ring ring = store.addRing(form.get("name"), form.get("beschreibung"), form.get("moderation"));
        record(request, "Vergleichsring angelegt", ring.name(), "");
        Http.seeOther(response, BASE);
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, Ring ring, Form form)
            throws IOException {
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, ring.name() + " bearbeiten", "admin-ring",
                new EditModel(ring, counts(store.contentCounts(ring.id())), form));
    }

    private void saveRing(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        Map<String, String> form = ringForm(request);
        Inputs.Errors errors = checkRing(form);
        if (!errors.isEmpty()) {
            edit(request, response, ring, Form.of(form, errors));
            return;
        }
        store.updateRing(ring.id(), form.get("name"), form.get("beschreibung"), form.get("moderation"));
        record(request, "Vergleichsring geändert", form.get("name"), "");
        Http.seeOther(response, BASE);
    }

    private void confirmDelete(HttpServletRequest request, HttpServletResponse response, Ring ring)
            throws IOException {
        views.render(request, response, "Vergleichsring löschen", "confirm", new Confirmation(null,
                "Soll „" + ring.name() + "“ gelöscht werden?",
                "Mit dem Ring werden " + counts(store.contentCounts(ring.id()))
                        + " gelöscht; das lässt sich nicht rückgängig machen.",
                BASE + "/" + ring.id() + "/" + DELETE, BASE + "/" + ring.id(), "Ring endgültig löschen"));
    }

    private static Map<String, String> ringForm(HttpServletRequest request) {
        return Map.of("name", Inputs.text(request.getParameter("name"), false),
                "beschreibung", Inputs.text(request.getParameter("beschreibung"), true),
                "moderation", Inputs.text(request.getParameter("moderation"), true));
    }

    private static Inputs.Errors checkRing(Map<String, String> form) {
        Inputs.Errors errors = new Inputs.Errors();
        errors.check("name", "Name", "einen Namen", form.get("name"), NAME_MAX);
        errors.check("beschreibung", "Beschreibung", null, form.get("beschreibung"), DESCRIPTION_MAX);
        errors.check("moderation", "Moderation", null, form.get("moderation"), MODERATOR_MAX);
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
