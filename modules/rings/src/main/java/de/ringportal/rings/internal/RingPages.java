package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** The model of {@code overview}. */
    record OverviewModel(int year, List<YearChoice> years, String registryNotice, List<RingView> rings,
            String outlines, boolean mayManage) {
    }

    /** The model of {@code ring}: the ring's view inside {@code {{#ring}}}, its map drawn large. */
    record RingModel(RingView ring, List<YearChoice> years, String registryNotice, boolean anonymous,
            boolean mayManage) {

        boolean large() {
            return true;
        }
    }

    private void overview(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Integer> years = store.years();
        int year = MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), years, thisYear());
        Map<String, List<RingStore.Membership>> members = store.membershipsByRing(year);
        List<RingView> rings = store.rings().stream().map(ring -> RingView.of(ring,
                members.getOrDefault(ring.id(), List.of()), names, year,
                (title, agsSet) -> names.mapOnOutlines(OUTLINES, mapId(ring), title, agsSet),
                access.maySeeRing(request, ring.id()))).toList();
        // one copy of every outline for the seven maps, which refer to it; none when no map is drawn
        boolean anyMap = rings.stream().anyMatch(ring -> ring.map() != null);
        views.render(request, response, "Vergleichsringe", "overview", new OverviewModel(year,
                yearChoices(years, year), names.available() ? null : Registry.UNAVAILABLE, rings,
                anyMap ? names.outlines(OUTLINES) : "", mayManage(request)));
    }

    private void ringPage(HttpServletRequest request, HttpServletResponse response, Ring ring) throws IOException {
        Registry.Snapshot names = registry.snapshot();
        List<Integer> years = store.years();
        int year = MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), years, thisYear());
        RingView view = RingView.of(ring, store.memberships(ring.id(), year), names, year, names::mapOf,
                access.maySeeRing(request, ring.id()));
        views.render(request, response, ring.name(), "ring", new RingModel(view, yearChoices(years, year),
                names.available() ? null : Registry.UNAVAILABLE, access.viewer(request).isAnonymous(),
                mayManage(request)));
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
