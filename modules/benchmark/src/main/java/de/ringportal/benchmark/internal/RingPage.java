package de.ringportal.benchmark.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.rings.api.Ring;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Guard;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ring table of one figure and period ({@code /kennzahlen/ring/4?kennzahl=K2&jahr=2024}) with its bar chart,
 * and, for the ring's moderators, who has not yet released ({@code /kennzahlen/ring/4/freigaben?jahr=2024}). Only
 * released values; only the ring's members of that year and the Redaktion.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/ring/*")
public class RingPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient KeyFigureStore store;
    private final transient Directory directory;

    @Activate
    public RingPage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
            @Reference Directory directory) {
        super(access, views);
        this.store = store;
        this.directory = directory;
    }

    @Override
    protected Routes routes() {
        Guard insiders = (request, path) -> {
            Viewer viewer = access().viewer(request);
            return Rules.member(viewer) || Rules.mayTransferAll(viewer);
        };
        return Routes.builder()
                .get("/{ring:word}", insiders, exchange -> show(exchange, false))
                .get("/{ring:word}/freigaben", insiders, exchange -> show(exchange, true))
                .build();
    }

    private void show(Exchange exchange, boolean releases) throws IOException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        Viewer viewer = exchange.viewer();
        String ringId = exchange.path().text("ring");
        int year = Periods.year(request.getParameter("jahr"), Year.now().getValue() - 1);
        if (!directory.ringsAvailable()) {
            views().render(request, response, "Ringvergleich", "unavailable", Map.of());
            return;
        }
        Optional<Ring> ring = directory.ring(ringId);
        if (ring.isEmpty()) {
            exchange.notFound();
            return;
        }
        if (releases) {
            if (access().require(request, response, access().mayModerateRingPeriod(request, ringId, year))) {
                releaseStates(request, response, ring.get(), year);
            }
            return;
        }
        if (!access().require(request, response, access().maySeeRingPeriod(request, ringId, year))) {
            return;
        }
        List<Figure> figures = store.figures();
        String code = request.getParameter("kennzahl");
        Figure figure = figures.stream().filter(f -> f.code().equals(code)).findFirst().orElse(figures.get(0));
        int month = EntryPage.month(request.getParameter("monat"));
        String period = EntryPage.period(figure, year, month);
        List<String> members = directory.members(ringId, year);
        RingComparison comparison = RingComparison.of(figure, period, members,
                store.released(figure.code(), period, members), directory::name, viewer.municipality());
        List<Charts.Bar> bars = new ArrayList<>();
        for (RingComparison.Row row : comparison.rows()) {
            if (row.value() != null) {
                bars.add(new Charts.Bar(row.name(), row.value(), row.own(), row.best()));
            }
        }
        String chart = bars.isEmpty() ? null : Charts.bars("balken-" + figure.code(),
                figure.code() + " " + figure.name() + ", " + ring.get().name() + ", " + Periods.label(period),
                "Balkendiagramm der freigegebenen Werte je Kommune; die Tabelle daneben enthält dieselben Zahlen.",
                bars, figure.unit(), comparison.median());
        List<EntryPage.Option> figureOptions = figures.stream()
                .map(f -> new EntryPage.Option(f.code(), f.code() + ": " + f.name(), f == figure)).toList();
        List<EntryPage.Option> years = new ArrayList<>();
        for (int y = Year.now().getValue(); y >= Year.now().getValue() - 11; y--) {
            years.add(new EntryPage.Option(Integer.toString(y), Integer.toString(y), y == year));
        }
        views().render(request, response, "Ringvergleich: " + ring.get().name(), "ring",
                new Model(ring.get(), figure, Periods.label(period), year, TableRows.of(comparison, figure),
                        TableRows.stats(comparison, figure), chart, figureOptions, years, comparison.synthetic(),
                        access().mayModerateRingPeriod(request, ringId, year), members.isEmpty()));
    }

    private void releaseStates(HttpServletRequest request, HttpServletResponse response, Ring ring, int year)
            throws IOException {
        List<String> members = directory.members(ring.id(), year);
        Map<String, KeyFigureStore.ReleaseState> states = store.releaseStates(members, year);
        List<ReleaseRow> rows = new ArrayList<>();
        int open = 0;
        for (String ags : members) {
            KeyFigureStore.ReleaseState state = states.get(ags);
            String status;
            boolean done = state != null && state.drafts() == 0;
            if (state == null) {
                status = "noch keine Werte erfasst";
            } else if (state.drafts() > 0) {
                status = state.drafts() + " von " + state.values() + " Werten nicht freigegeben";
            } else {
                status = "alle " + state.values() + " Werte freigegeben";
            }
            if (!done) {
                open++;
            }
            Instant last = state == null ? null : state.lastRelease();
            rows.add(new ReleaseRow(directory.name(ags), ags, status, done,
                    last == null ? "–" : GermanDates.dateTime(last)));
        }
        rows.sort((a, b) -> a.done() == b.done() ? a.name().compareTo(b.name()) : a.done() ? 1 : -1);
        views().render(request, response, "Freigaben " + year + ": " + ring.name(), "releases",
                new ReleasesModel(ring, year, rows, open));
    }

    /** A member's release state. */
    public record ReleaseRow(String name, String ags, String status, boolean done, String lastRelease) {
    }

    public record ReleasesModel(Ring ring, int year, List<ReleaseRow> rows, int open) {
    }

    /** What ring.mustache renders. */
    public record Model(Ring ring, Figure figure, String period, int year, List<TableRows.Row> rows,
            List<TableRows.Fact> stats, String chart, List<EntryPage.Option> figures, List<EntryPage.Option> years,
            boolean synthetic, boolean mayModerate, boolean noMembers) {
        public String better() {
            return figure.better().label();
        }
    }
}
