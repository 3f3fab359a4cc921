package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/**
 * The public pages of the registry: {@code /kommunen} ({@link ListPage}: filters, order, paging and the computed
 * story of the count), {@code /kommunen/karte} (the map) and {@code /kommunen/{AGS}} ({@link DetailPage}). Ring
 * membership comes from the rings module's {@link RingMemberships} when it runs; without it the pages say so and
 * show everything else.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kommunen/*")
@MenuEntry(label = "Kommunen", path = "/kommunen", order = 20)
public class MunicipalityPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient Registry registry;
    private final transient SvgMap map;
    private final transient Clock clock = Clock.systemUTC();
    private final transient Story.Cache story = new Story.Cache();
    private final transient ListPage list;
    private final transient DetailPage detail;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile RingMemberships rings;

    @Activate
    public MunicipalityPages(@Reference Registry registry, @Reference SvgMap map, @Reference Views views,
            @Reference RingChanges ringChanges, @Reference Access access) {
        super(access, views);
        this.registry = registry;
        this.map = map;
        Population population = Population.bundled();
        this.list = new ListPage(registry, population, ringChanges, () -> rings, story, clock);
        this.detail = new DetailPage(registry, population, map, () -> rings, clock);
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .get("/", list::show)
                .get("/karte", this::mapPage)
                .get("/{ags:ags}", this::detail)
                .build();
    }

    /** What the map template renders. */
    record MapModel(String svg, long original, long later, String story, String listLink) {
    }

    private void mapPage(Exchange exchange) throws IOException {
        Registry.Snapshot snapshot = registry.snapshot();
        long original = snapshot.all().stream().filter(e -> e.admittedYear() != null && e.admittedYear() < 2012)
                .count();
        long later = snapshot.all().stream().filter(e -> e.admittedYear() != null && e.admittedYear() >= 2012).count();
        exchange.render("Karte der Optionskommunen", "map", new MapModel(map.overview(), original, later,
                story.of(snapshot, GermanDates.today(clock)).headline(), "/kommunen"));
    }

    private void detail(Exchange exchange) throws IOException {
        Optional<Entry> entry = registry.entry(exchange.path().text("ags"));
        if (entry.isEmpty()) {
            exchange.notFound();
            return;
        }
        detail.show(exchange, entry.get());
    }
}
