package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.rings.api.Ring;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A municipality over time against its ring's median: one figure as a line chart
 * ({@code /kennzahlen/profil?kommune=08426&kennzahl=K2}), or all figures as small multiples
 * ({@code /kennzahlen/profil?kommune=08426}). Released values only; each year visible to those who may see the
 * municipality in that year ({@link Access#maySeeMunicipalityPeriod}): after a move to another ring, the new ring's
 * members do not see the years in the old ring, nor the old ring's median, and the old ring's members see only those.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/profil")
public class SeriesPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int YEARS = 10;
    /** A year the viewer may not see: the municipality was in a ring they were not in. */
    static final String HIDDEN = "nicht sichtbar";

    private final transient KeyFigureStore store;
    private final transient Directory directory;

    @Activate
    public SeriesPages(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
            @Reference Directory directory) {
        super(access, views);
        this.store = store;
        this.directory = directory;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/", exchange -> show(exchange.request(), exchange.response())).build();
    }

    private void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access().viewer(request);
        if (!access().require(request, response, Rules.member(viewer) || Rules.mayTransferAll(viewer))) {
            return;
        }
        String ags = request.getParameter("kommune");
        if (ags == null || !ags.matches("\\d{5}")) {
            ags = viewer.municipality();
        }
        if (ags == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int lastYear = Periods.year(request.getParameter("jahr"), Year.now().getValue() - 1);
        if (!directory.ringsAvailable()) {
            views().render(request, response, "Kennzahlen im Zeitverlauf", "unavailable", Map.of());
            return;
        }
        // issue 17: each year is shown to those who may see the municipality in that year (the ring it was in then)
        Set<Integer> visible = new HashSet<>();
        for (int year = lastYear - YEARS + 1; year <= lastYear; year++) {
            if (access().maySeeMunicipalityPeriod(request, ags, year)) {
                visible.add(year);
            }
        }
        if (!access().require(request, response, !visible.isEmpty())) {
            return;
        }
        String name = directory.name(ags);
        List<Figure> figures = store.figures();
        String code = request.getParameter("kennzahl");
        Optional<Figure> single = figures.stream().filter(f -> f.code().equals(code)).findFirst();
        List<Panel> panels = new ArrayList<>();
        boolean synthetic = store.anySynthetic();
        Membership membership = membership(request, ags, lastYear, visible);
        for (Figure figure : single.map(List::of).orElse(figures)) {
            panels.add(panel(figure, ags, name, lastYear, single.isPresent(), membership));
        }
        String title = single.map(f -> f.code() + " im Zeitverlauf: " + name)
                .orElse("Alle Kennzahlen im Zeitverlauf: " + name);
        String ringName = directory.ringOf(ags, lastYear).map(Ring::name).orElse(null);
        views().render(request, response, title, "series", new Model(ags, name, ringName, lastYear, panels,
                single.isPresent(), synthetic, visible.size() < YEARS));
    }

    /**
     * Per year, whether the viewer may see it, and the members of the ring whose median is shown (none where the
     * viewer may not see that ring in that year); everyone who was a member in one of them.
     */
    private record Membership(Set<Integer> visible, Map<Integer, List<String>> byYear, List<String> everyone) {
    }

    private Membership membership(HttpServletRequest request, String ags, int lastYear, Set<Integer> visible) {
        Map<Integer, List<String>> membersByYear = new HashMap<>();
        List<String> everyone = new ArrayList<>();
        for (int year = lastYear - YEARS + 1; year <= lastYear; year++) {
            int y = year;
            Optional<Ring> ring = directory.ringOf(ags, year)
                    .filter(r -> visible.contains(y) && access().maySeeRingPeriod(request, r.id(), y));
            List<String> members = ring.map(r -> directory.members(r.id(), y)).orElse(List.of());
            membersByYear.put(year, members);
            members.stream().filter(m -> !everyone.contains(m)).forEach(everyone::add);
        }
        if (!everyone.contains(ags)) {
            everyone.add(ags);
        }
        return new Membership(visible, membersByYear, everyone);
    }

    /** The figure's values of the municipality and the median of its ring, per year of the last ten. */
    private Panel panel(Figure figure, String ags, String name, int lastYear, boolean large, Membership membership) {
        Map<Integer, List<String>> membersByYear = membership.byYear();
        List<String> everyone = membership.everyone();
        List<String> periods = new ArrayList<>();
        for (int year = lastYear - YEARS + 1; year <= lastYear; year++) {
            periods.add(figure.periodOf(year));
        }
        Map<String, Map<String, Double>> series = store.releasedSeries(figure.code(), periods, everyone);
        List<Charts.Point> points = new ArrayList<>();
        List<Point> rows = new ArrayList<>();
        for (int year = lastYear - YEARS + 1; year <= lastYear; year++) {
            String label = Periods.label(figure.periodOf(year));
            if (!membership.visible().contains(year)) {
                points.add(new Charts.Point(Integer.toString(year), null, null));
                rows.add(new Point(label, HIDDEN, HIDDEN));
                continue;
            }
            Map<String, Double> values = series.getOrDefault(figure.periodOf(year), Map.of());
            Double own = values.get(ags);
            double[] ringValues = membersByYear.get(year).stream().filter(values::containsKey)
                    .mapToDouble(values::get).toArray();
            Double median = ringValues.length == 0 ? null : Stats.median(ringValues);
            points.add(new Charts.Point(Integer.toString(year), own, median));
            rows.add(new Point(label, own == null ? "–" : GermanNumbers.format(own),
                    median == null ? "–" : GermanNumbers.format(median)));
        }
        String description = figure.name() + " von " + name + " (durchgezogen) und Median des Rings (gestrichelt), "
                + (lastYear - YEARS + 1) + " bis " + lastYear + "; die Zahlen stehen in der Tabelle.";
        String chart = Charts.series("verlauf-" + figure.code(), figure.code() + ": " + figure.name(), description,
                points, name, large ? 640 : 220, large ? 260 : 70, large);
        return new Panel(figure, chart, rows);
    }

    public record Point(String period, String own, String median) {
    }

    public record Panel(Figure figure, String chart, List<Point> rows) {
    }

    /**
     * What series.mustache renders; {@code ringName} is the ring of the last year (null without one), {@code hidden}
     * whether some years are not shown.
     */
    public record Model(String ags, String name, String ringName, int year, List<Panel> panels, boolean single,
            boolean synthetic, boolean hidden) {
    }
}
