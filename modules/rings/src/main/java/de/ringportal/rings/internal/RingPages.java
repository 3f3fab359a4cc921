package de.ringportal.rings.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public ring pages: {@code /ringe} (every ring with its members of a year and a small map each) and
 * {@code /ringe/<id>}; the routes below {@code /ringe/<id>/intern} are the ring's {@link InternalArea}.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/ringe/*")
@MenuEntry(label = "Vergleichsringe", path = "/ringe", order = 30)
public class RingPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final String INTERNAL = "intern";
    /** Id of the Kreis outlines that the overview's maps share (drawn once per page). */
    static final String OUTLINES = "ringkarten-grundlage";

    private final transient RingStore store;
    private final transient Registry registry;
    private final transient InternalArea internal;
    private final transient Clock clock = Clock.systemUTC();

    @Activate
    public RingPages(@Reference RingStore store, @Reference RingAreaStore area, @Reference Registry registry,
            @Reference Views views, @Reference Access access) {
        super(access, views);
        this.store = store;
        this.registry = registry;
        this.internal = new InternalArea(store, area, registry, views, access, clock);
    }

    @Override
    protected Routes routes() {
        return internal.routes(Routes.builder().get("/", this::overview)
                .get("/{ring:word}", RingHandler.on(store, this::ringPage))).build();
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

    private void overview(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        Registry.Snapshot names = registry.snapshot();
        List<Integer> years = store.years();
        int year = MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), years, thisYear());
        Map<String, List<RingStore.Membership>> members = store.membershipsByRing(year);
        List<RingView> rings = store.rings().stream().map(ring -> RingView.of(ring,
                members.getOrDefault(ring.id(), List.of()), names, year,
                (title, agsSet) -> names.mapOnOutlines(OUTLINES, mapId(ring), title, agsSet),
                access().maySeeRing(request, ring.id()))).toList();
        // one copy of every outline for the seven maps, which refer to it; none when no map is drawn
        boolean anyMap = rings.stream().anyMatch(ring -> ring.map() != null);
        exchange.render("Vergleichsringe", "overview", new OverviewModel(year,
                yearChoices(years, year), names.available() ? null : Registry.UNAVAILABLE, rings,
                anyMap ? names.outlines(OUTLINES) : "", mayManage(request)));
    }

    private void ringPage(Exchange exchange, Ring ring) throws IOException {
        HttpServletRequest request = exchange.request();
        Registry.Snapshot names = registry.snapshot();
        List<Integer> years = store.years();
        int year = MembershipYears.displayYear(Inputs.year(request.getParameter("jahr")), years, thisYear());
        RingView view = RingView.of(ring, store.memberships(ring.id(), year), names, year, names::mapOf,
                access().maySeeRing(request, ring.id()));
        exchange.render(ring.name(), "ring", new RingModel(view, yearChoices(years, year),
                names.available() ? null : Registry.UNAVAILABLE, exchange.viewer().isAnonymous(),
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
        return access().mayEditPublicContent(request) || access().mayAdminister(request);
    }

    private int thisYear() {
        return GermanDates.today(clock).getYear();
    }
}
