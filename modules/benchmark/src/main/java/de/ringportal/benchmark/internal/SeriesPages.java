package de.ringportal.benchmark.internal;

import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
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
import de.ringportal.rings.api.Ring;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A municipality over time against its ring's median: one figure as a line chart
 * ({@code /kennzahlen/profil?kommune=08426&kennzahl=K2}), or all figures as small multiples
 * ({@code /kennzahlen/profil?kommune=08426}). Released values only; visible to the members of the municipality's ring
 * (in the last year shown) and the Redaktion.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/profil")
public class SeriesPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int YEARS = 10;

    private final transient Access access;
    private final transient Views views;
    private final transient KeyFigureStore store;
    private final transient Directory directory;

    @Activate
    public SeriesPages(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
            @Reference Directory directory) {
        this.access = access;
        this.views = views;
        this.store = store;
        this.directory = directory;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access.viewer(request);
        if (!access.require(request, response, Rules.member(viewer) || Rules.mayTransferAll(viewer))) {
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
            views.render(request, response, "Kennzahlen im Zeitverlauf", "unavailable", Map.of());
            return;
        }
        Optional<Ring> ring = directory.ringOf(ags, lastYear);
        boolean allowed = ring.isPresent() && Rules.maySeeRing(viewer, ring.get().id(), lastYear, directory);
        if (!access.require(request, response, allowed)) {
            return;
        }
        String name = directory.name(ags);
        List<Figure> figures = store.figures();
        String code = request.getParameter("kennzahl");
        Optional<Figure> single = figures.stream().filter(f -> f.code().equals(code)).findFirst();
        List<Panel> panels = new ArrayList<>();
        boolean synthetic = store.anySynthetic();
        Membership membership = membership(ags, lastYear);
        for (Figure figure : single.map(List::of).orElse(figures)) {
            panels.add(panel(figure, ags, name, lastYear, single.isPresent(), membership));
        }
        String title = single.map(f -> f.code() + " im Zeitverlauf: " + name)
                .orElse("Alle Kennzahlen im Zeitverlauf: " + name);
        views.render(request, response, title, "series", new Model(ags, name, ring.get(), lastYear, panels,
                single.isPresent(), synthetic));
    }

    /** The ring members of the municipality's ring per year, and everyone who was a member in one of them. */
    private record Membership(Map<Integer, List<String>> byYear, List<String> everyone) {
    }

    private Membership membership(String ags, int lastYear) {
        Map<Integer, List<String>> membersByYear = new HashMap<>();
        List<String> everyone = new ArrayList<>();
        for (int year = lastYear - YEARS + 1; year <= lastYear; year++) {
            int y = year;
            Optional<Ring> ring = directory.ringOf(ags, year);
            List<String> members = ring.map(r -> directory.members(r.id(), y)).orElse(List.of());
            membersByYear.put(year, members);
            members.stream().filter(m -> !everyone.contains(m)).forEach(everyone::add);
        }
        if (!everyone.contains(ags)) {
            everyone.add(ags);
        }
        return new Membership(membersByYear, everyone);
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
            Map<String, Double> values = series.getOrDefault(figure.periodOf(year), Map.of());
            Double own = values.get(ags);
            double[] ringValues = membersByYear.get(year).stream().filter(values::containsKey)
                    .mapToDouble(values::get).toArray();
            Double median = ringValues.length == 0 ? null : Stats.median(ringValues);
            points.add(new Charts.Point(Integer.toString(year), own, median));
            rows.add(new Point(Periods.label(figure.periodOf(year)), own == null ? "–" : GermanNumbers.format(own),
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

    public record Model(String ags, String name, Ring ring, int year, List<Panel> panels, boolean single,
            boolean synthetic) {
    }
}
