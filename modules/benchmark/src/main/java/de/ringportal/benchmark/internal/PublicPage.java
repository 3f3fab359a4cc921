package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.rings.api.Ring;
import de.ringportal.core.api.Access;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public view ({@code /kennzahlen/oeffentlich}), when switched on: per ring and figure only aggregates (mean,
 * median, quartiles) of released values, never a municipality's name or value, and only for groups of at least five.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/oeffentlich")
public class PublicPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient KeyFigureStore store;
    private final transient Directory directory;
    private final transient PublicView settings;

    @Activate
    public PublicPage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store, @Reference Directory directory,
            @Reference PublicView settings) {
        super(access, views);
        this.store = store;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/", exchange -> show(exchange.request(), exchange.response())).build();
    }

    private void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int year = Periods.year(request.getParameter("jahr"), Year.now().getValue() - 1);
        List<Figure> figures = store.figures();
        String code = request.getParameter("kennzahl");
        Figure figure = figures.stream().filter(f -> f.code().equals(code)).findFirst().orElse(figures.get(0));
        String period = figure.periodOf(year);
        Map<String, Double> all = store.releasedAll(figure.code(), period);
        int minimum = settings.minGroup();
        List<Group> groups = new ArrayList<>();
        for (Ring ring : directory.rings()) {
            double[] values = directory.members(ring.id(), year).stream().filter(all::containsKey)
                    .mapToDouble(all::get).toArray();
            groups.add(group(ring.name(), values, minimum, figure.unit()));
        }
        groups.add(group("Alle Kommunen mit freigegebenen Werten",
                all.values().stream().mapToDouble(Double::doubleValue).toArray(), minimum, figure.unit()));
        List<EntryPage.Option> figureOptions = figures.stream()
                .map(f -> new EntryPage.Option(f.code(), f.code() + ": " + f.name(), f == figure)).toList();
        List<EntryPage.Option> years = new ArrayList<>();
        for (int y = Year.now().getValue(); y >= Year.now().getValue() - 11; y--) {
            years.add(new EntryPage.Option(Integer.toString(y), Integer.toString(y), y == year));
        }
        views().render(request, response, "Kennzahlen: öffentliche Übersicht", "public",
                new Model(figure, Periods.label(period), groups, minimum, figureOptions, years,
                        store.anySynthetic()));
    }

    static Group group(String label, double[] values, int minimum, String unit) {
        if (!Stats.publishable(values.length, minimum)) {
            return new Group(label, values.length, null, null, null, null);
        }
        String u = " " + unit;
        return new Group(label, values.length, GermanNumbers.format(Stats.mean(values)) + u,
                GermanNumbers.format(Stats.quantile(values, 0.25)) + u, GermanNumbers.format(Stats.median(values)) + u,
                GermanNumbers.format(Stats.quantile(values, 0.75)) + u);
    }

    /** A group's aggregates; all null when the group is too small to show. */
    public record Group(String label, int count, String mean, String lowerQuartile, String median,
            String upperQuartile) {
        public boolean shown() {
            return mean != null;
        }
    }

    public record Model(Figure figure, String period, List<Group> groups, int minimum,
            List<EntryPage.Option> figures, List<EntryPage.Option> years, boolean synthetic) {
    }
}
