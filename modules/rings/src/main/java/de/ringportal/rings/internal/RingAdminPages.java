package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * confirmation, {@code .../mitglieder?jahr=} assigns municipalities for a year and removes them after a confirmation.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/ringe/*")
@MenuEntry(label = "Ringe verwalten", path = "/admin/ringe", order = 910, role = { "redaktion", "administration" })
public class RingAdminPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int MODERATOR_MAX = 1000;
    private static final String BASE = "/admin/ringe";
    private static final String MEMBERS = "mitglieder";
    private static final String DELETE = "loeschen";
    private static final String REMOVE = "entfernen";

    private final transient RingStore store;
    private final transient Registry registry;
    private final transient Views views;
    private final transient Access access;
    private final transient Clock clock = Clock.systemDefaultZone();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AuditTrail audit;

    @Activate
    public RingAdminPages(@Reference RingStore store, @Reference Registry registry, @Reference Views views,
            @Reference Access access) {
        this.store = store;
        this.registry = registry;
        this.views = views;
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request, response)) {
            return;
        }
        List<String> path = Http.segments(request);
        if (path.isEmpty()) {
            list(request, response, Map.of(), new Inputs.Errors());
            return;
        }
        Optional<Ring> ring = store.ring(path.get(0));
        if (ring.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (path.size() == 1) {
            edit(request, response, ring.get(), null, new Inputs.Errors());
        } else if (path.size() == 2 && DELETE.equals(path.get(1))) {
            confirmDelete(request, response, ring.get());
        } else if (path.size() == 2 && MEMBERS.equals(path.get(1))) {
            members(request, response, ring.get(), yearOf(request), Map.of(), new Inputs.Errors());
        } else if (path.size() == 3 && MEMBERS.equals(path.get(1)) && REMOVE.equals(path.get(2))) {
            confirmRemove(request, response, ring.get());
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
        } else if (path.size() == 2 && MEMBERS.equals(path.get(1))) {
            addMember(request, response, ring.get());
        } else if (path.size() == 3 && MEMBERS.equals(path.get(1)) && REMOVE.equals(path.get(2))) {
            String ags = request.getParameter("ags");
            Optional<Integer> year = Inputs.year(request.getParameter("jahr"));
            if (Inputs.isAgs(ags) && year.isPresent() && store.removeMembership(ring.get().id(), ags, year.get())) {
                record(request, "Ringmitgliedschaft entfernt", ring.get().name(), ags + " " + year.get());
            }
            Http.seeOther(response, membersPath(ring.get(), year.orElse(yearOf(request))));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean allowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return access.require(request, response, access.mayEditPublicContent(request) || access.mayAdminister(request));
    }

    // ---- rings

    private void list(HttpServletRequest request, HttpServletResponse response, Map<String, String> form,
            Inputs.Errors errors) throws IOException {
        int year = yearOf(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<RingStore.Membership>> members = store.membershipsByRing(year);
        for (Ring ring : store.rings()) {
            rows.add(Map.of("id", ring.id(), "number", ring.number(), "name", ring.name(),
                    "moderator", ring.moderator(), "members", members.getOrDefault(ring.id(), List.of()).size(),
                    "membersPath", membersPath(ring, year)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rings", rows);
        model.put("year", year);
        putForm(model, form, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Vergleichsringe verwalten", "admin-rings", model);
    }

    private void addRing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = ringForm(request);
        Inputs.Errors errors = checkRing(form);
        if (!errors.isEmpty()) {
            list(request, response, form, errors);
            return;
        }
        Ring ring = store.addRing(form.get("name"), form.get("beschreibung"), form.get("moderation"));
        record(request, "Vergleichsring angelegt", ring.name(), "");
        Http.seeOther(response, BASE);
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, Ring ring, Map<String, String> form,
            Inputs.Errors errors) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("ring", ring);
        putForm(model, form != null ? form : Map.of("name", ring.name(), "beschreibung", ring.description(),
                "moderation", ring.moderator()), errors);
        model.put("counts", counts(store.contentCounts(ring.id())));
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, ring.name() + " bearbeiten", "admin-ring", model);
    }

    private void saveRing(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        Map<String, String> form = ringForm(request);
        Inputs.Errors errors = checkRing(form);
        if (!errors.isEmpty()) {
            edit(request, response, ring, form, errors);
            return;
        }
        store.updateRing(ring.id(), form.get("name"), form.get("beschreibung"), form.get("moderation"));
        record(request, "Vergleichsring geändert", form.get("name"), "");
        Http.seeOther(response, BASE);
    }

    private void confirmDelete(HttpServletRequest request, HttpServletResponse response, Ring ring)
            throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("question", "Soll „" + ring.name() + "“ gelöscht werden?");
        model.put("explanation", "Mit dem Ring werden " + counts(store.contentCounts(ring.id()))
                + " gelöscht; das lässt sich nicht rückgängig machen.");
        model.put("action", BASE + "/" + ring.id() + "/" + DELETE);
        model.put("cancel", BASE + "/" + ring.id());
        model.put("yesLabel", "Ring endgültig löschen");
        views.render(request, response, "Vergleichsring löschen", "confirm", model);
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

    // ---- memberships

    private void members(HttpServletRequest request, HttpServletResponse response, Ring ring, int year,
            Map<String, String> form, Inputs.Errors errors) throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RingStore.Membership membership : store.memberships(ring.id(), year)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ags", membership.ags());
            row.put("name", names.nameOf(membership.ags()));
            row.put("source", membership.source());
            row.put("demo", membership.demo());
            row.put("removePath", BASE + "/" + ring.id() + "/" + MEMBERS + "/" + REMOVE + "?ags=" + membership.ags()
                    + "&jahr=" + year);
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("ring", ring);
        model.put("year", year);
        model.put("rows", rows);
        model.put("hasRows", !rows.isEmpty());
        model.put("years", RingPages.yearChoices(store.years(), year));
        model.put("registryNotice", names.available() ? null : Registry.UNAVAILABLE);
        putForm(model, form.isEmpty() ? Map.of("jahr", Integer.toString(year)) : form, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, "Mitglieder von " + ring.name(), "admin-members", model);
    }

    private void addMember(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        String ags = Inputs.text(request.getParameter("ags"), false);
        String yearText = Inputs.text(request.getParameter("jahr"), false);
        Optional<Integer> year = Inputs.year(yearText);
        Inputs.Errors errors = new Inputs.Errors();
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
        if (errors.isEmpty()) {
            Optional<String> current = store.ringOf(ags, year.get());
            if (current.isPresent()) {
                errors.add("ags", names.nameOf(ags) + " gehört " + year.get() + " schon zu "
                        + store.ring(current.get()).map(Ring::name).orElse("Ring " + current.get())
                        + "; entfernen Sie die Kommune dort zuerst.");
            } else if (store.addMembership(ring.id(), ags, year.get(), "", false)) {
                record(request, "Ringmitgliedschaft eingetragen", ring.name(), ags + " " + year.get());
                Http.seeOther(response, membersPath(ring, year.get()));
                return;
            } else {
                errors.add("ags", names.nameOf(ags) + " gehört " + year.get() + " schon zu einem Ring.");
            }
        }
        members(request, response, ring, year.orElse(yearOf(request)), Map.of("ags", ags, "jahr", yearText), errors);
    }

    private void confirmRemove(HttpServletRequest request, HttpServletResponse response, Ring ring)
            throws IOException {
        String ags = request.getParameter("ags");
        Optional<Integer> year = Inputs.year(request.getParameter("jahr"));
        if (!Inputs.isAgs(ags) || year.isEmpty()
                || store.memberships(ring.id(), year.get()).stream().noneMatch(m -> m.ags().equals(ags))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("question", "Soll " + registry.snapshot().nameOf(ags) + " (" + ags + ") für " + year.get()
                + " aus „" + ring.name() + "“ entfernt werden?");
        model.put("explanation", "Die Mitglieder dieser Kommune sehen den internen Bereich des Rings dann nicht "
                + "mehr, sofern das Jahr " + year.get() + " für sie maßgeblich ist.");
        model.put("action", BASE + "/" + ring.id() + "/" + MEMBERS + "/" + REMOVE + "?ags=" + ags + "&jahr="
                + year.get());
        model.put("cancel", membersPath(ring, year.get()));
        model.put("yesLabel", "Mitgliedschaft entfernen");
        views.render(request, response, "Mitgliedschaft entfernen", "confirm", model);
    }

    // ---- shared

    private int yearOf(HttpServletRequest request) {
        return MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), store.years(),
                Year.now(clock).getValue());
    }

    private static String membersPath(Ring ring, int year) {
        return BASE + "/" + ring.id() + "/" + MEMBERS + "?jahr=" + year;
    }

    private static void putForm(Map<String, Object> model, Map<String, String> form, Inputs.Errors errors) {
        InternalArea.Form shown = new InternalArea.Form(form, errors);
        shown.into(model);
    }

    private void record(HttpServletRequest request, String action, String subject, String detail) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(request, action, subject, detail);
        }
    }
}
