package de.ringportal.benchmark.internal;

import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.rings.api.Ring;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The start of the key figures: what the viewer may do here, with links to their ring's comparisons. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen")
@MenuEntry(label = "Kennzahlen", path = "/kennzahlen", order = 40)
public class OverviewPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient Directory directory;
    private final transient PublicView publicView;
    private final transient KeyFigureStore store;

    @Activate
    public OverviewPage(@Reference Access access, @Reference Views views, @Reference Directory directory,
            @Reference PublicView publicView, @Reference KeyFigureStore store) {
        super(access, views);
        this.directory = directory;
        this.publicView = publicView;
        this.store = store;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/", exchange -> show(exchange.request(), exchange.response())).build();
    }

    private void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access().viewer(request);
        int thisYear = Year.now().getValue();
        List<Link> rings = new ArrayList<>();
        if (viewer.has(Role.REDAKTION)) {
            for (Ring ring : directory.rings()) {
                rings.add(new Link("/kennzahlen/ring/" + ring.id() + "?jahr=" + (thisYear - 1), ring.name()));
            }
        } else if (Rules.mayEnter(viewer)) {
            for (int year = thisYear; year >= thisYear - 1; year--) {
                int y = year;
                directory.ringOf(viewer.municipality(), year).ifPresent(ring -> rings.add(new Link(
                        "/kennzahlen/ring/" + ring.id() + "?jahr=" + y, ring.name() + ", Jahr " + y)));
            }
        }
        String own = Rules.mayEnter(viewer) ? viewer.municipality() : null;
        views().render(request, response, "Kennzahlen", "overview", new Model(Rules.mayEnter(viewer),
                own == null ? null : directory.name(own), own, rings, Rules.member(viewer) || viewer.has(Role.REDAKTION),
                directory.ringsAvailable(), publicView.enabled(), Rules.mayEditCatalogue(viewer),
                Rules.mayTransferAll(viewer), store.anySynthetic(), thisYear - 1));
    }

    public record Link(String href, String label) {
    }

    public record Model(boolean mayEnter, String ownName, String ownAgs, List<Link> rings, boolean insider,
            boolean ringsAvailable, boolean publicView, boolean mayEditCatalogue, boolean mayTransferAll,
            boolean synthetic, int lastYear) {
        public boolean hasRings() {
            return !rings.isEmpty();
        }
    }
}
