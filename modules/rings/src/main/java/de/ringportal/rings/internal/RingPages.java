package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public ring pages: {@code /ringe} (every ring with its members of a year and a small map each) and
 * {@code /ringe/<id>}; requests below {@code /ringe/<id>/intern} go to the ring's {@link InternalArea}.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/ringe/*")
@MenuEntry(label = "Vergleichsringe", path = "/ringe", order = 30)
public class RingPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String INTERNAL = "intern";
    /** Id of the Kreis outlines that the overview's maps share (drawn once per page). */
    static final String OUTLINES = "ringkarten-grundlage";

    private final transient RingStore store;
    private final transient Registry registry;
    private final transient Views views;
    private final transient Access access;
    private final transient InternalArea internal;
    private final transient Clock clock;

    @Activate
    public RingPages(@Reference RingStore store, @Reference RingAreaStore area, @Reference Registry registry,
            @Reference Views views, @Reference Access access) {
        this.store = store;
        this.registry = registry;
        this.views = views;
        this.access = access;
        this.clock = Clock.systemDefaultZone();
        this.internal = new InternalArea(store, area, registry, views, access, clock);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Http.segments(request);
        if (path.isEmpty()) {
            overview(request, response);
            return;
        }
        Optional<Ring> ring = store.ring(path.get(0));
        if (ring.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (path.size() == 1) {
            ringPage(request, response, ring.get());
        } else if (INTERNAL.equals(path.get(1))) {
            internal.get(request, response, ring.get(), path.subList(2, path.size()));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Http.segments(request);
        Optional<Ring> ring = path.size() >= 2 && INTERNAL.equals(path.get(1)) ? store.ring(path.get(0))
                : Optional.empty();
        if (ring.isEmpty()) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        internal.post(request, response, ring.get(), path.subList(2, path.size()));
    }

    private void overview(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Integer> years = store.years();
        int year = MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), years, thisYear());
        Map<String, List<RingStore.Membership>> members = store.membershipsByRing(year);
        List<Map<String, Object>> rings = new ArrayList<>();
        boolean anyMap = false;
        for (Ring ring : store.rings()) {
            List<RingStore.Membership> ofRing = members.getOrDefault(ring.id(), List.of());
            Map<String, Object> view = ringView(ring, ofRing, names, year,
                    (title, agsSet) -> names.mapOnOutlines(OUTLINES, mapId(ring), title, agsSet));
            anyMap |= view.get("map") != null;
            view.put("mayEnter", access.maySeeRing(request, ring.id()));
            rings.add(view);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("year", year);
        model.put("years", yearChoices(years, year));
        model.put("registryNotice", names.available() ? null : Registry.UNAVAILABLE);
        model.put("rings", rings);
        // one copy of every outline for the seven maps, which refer to it; none when no map is drawn
        model.put("outlines", anyMap ? names.outlines(OUTLINES) : "");
        model.put("mayManage", mayManage(request));
        views.render(request, response, "Vergleichsringe", "overview", model);
    }

    private void ringPage(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Integer> years = store.years();
        int year = MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), years, thisYear());
        Map<String, Object> model = ringView(ring, store.memberships(ring.id(), year), names, year, names::mapOf);
        model.put("years", yearChoices(years, year));
        model.put("large", true);
        model.put("registryNotice", names.available() ? null : Registry.UNAVAILABLE);
        model.put("mayEnter", access.maySeeRing(request, ring.id()));
        model.put("anonymous", access.viewer(request).isAnonymous());
        model.put("mayManage", mayManage(request));
        views.render(request, response, ring.name(), "ring", model);
    }

    /**
     * A ring with its members of that year: names from the registry where it runs, else the Kreisschlüssel; the map
     * drawn by {@code map} from its title and the members' keys (null for none).
     */
    static Map<String, Object> ringView(Ring ring, List<RingStore.Membership> memberships, Registry.Snapshot names,
            int year, BiFunction<String, Set<String>, String> map) {
        List<Map<String, Object>> members = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        Set<String> agsSet = new LinkedHashSet<>();
        for (RingStore.Membership membership : memberships) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("ags", membership.ags());
            String name = names.nameOf(membership.ags());
            member.put("name", name);
            member.put("named", !name.equals(membership.ags()));
            member.put("demo", membership.demo());
            members.add(member);
            agsSet.add(membership.ags());
            if (!membership.source().isEmpty()) {
                sources.add(membership.source());
            }
        }
        members.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", ring.id());
        view.put("number", ring.number());
        view.put("name", ring.name());
        view.put("description", ring.description());
        view.put("moderator", ring.moderator());
        view.put("year", year);
        view.put("members", members);
        view.put("memberCount", members.size());
        view.put("memberLine", (members.size() == 1 ? "1 Mitglied" : members.size() + " Mitglieder") + " im Jahr "
                + year);
        view.put("hasMembers", !members.isEmpty());
        view.put("sources", List.copyOf(sources));
        view.put("hasSources", !sources.isEmpty());
        view.put("demoMembers", memberships.stream().anyMatch(RingStore.Membership::demo));
        view.put("map", map.apply("Mitglieder von „" + ring.name() + "“ im Jahr " + year, agsSet));
        return view;
    }

    /** The id of a ring's map on the overview: unique in the page, from the ring's id where that is a plain name. */
    static String mapId(Ring ring) {
        return ring.id().matches("[A-Za-z0-9_-]{1,16}") ? "karte-ring-" + ring.id()
                : "karte-ring-x" + Integer.toHexString(ring.id().hashCode());
    }

    /** One year of a year choice. */
    record YearChoice(int year, boolean selected) {
    }

    /** The years with memberships and the one shown, ascending, that one selected. */
    static List<YearChoice> yearChoices(List<Integer> years, int selected) {
        Set<Integer> all = new java.util.TreeSet<>(years);
        all.add(selected);
        return all.stream().map(year -> new YearChoice(year, year == selected)).toList();
    }

    private boolean mayManage(HttpServletRequest request) {
        return access.mayEditPublicContent(request) || access.mayAdminister(request);
    }

    private int thisYear() {
        return Year.now(clock).getValue();
    }
}
