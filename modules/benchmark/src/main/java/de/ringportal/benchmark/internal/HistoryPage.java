package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.io.IOException;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Every change of the own municipality's values in a year: who, when, old and new value, 50 to a page. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/verlauf")
public class HistoryPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    private final transient KeyFigureStore store;
    private final transient Directory directory;

    @Activate
    public HistoryPage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
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
        if (!access().require(request, response, Rules.mayEnter(viewer))) {
            return;
        }
        String ags = viewer.municipality();
        int year = Periods.year(request.getParameter("jahr"), Year.now().getValue());
        int total = store.historyCount(ags, year);
        Pager pager = Pager.of(request.getParameter(Pager.PARAMETER), total, PAGE_SIZE,
                "/kennzahlen/verlauf?jahr=" + year + "&");
        List<Row> rows = store.history(ags, year, pager.offset(), PAGE_SIZE).stream()
                .map(entry -> new Row(GermanDates.dateTimeSeconds(entry.changedAt()),
                        entry.changedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                        entry.figureCode(), Periods.label(entry.period()),
                        entry.oldValue() == null ? "–" : GermanNumbers.format(entry.oldValue()),
                        GermanNumbers.format(entry.newValue()), entry.changedBy(),
                        entry.note() == null ? "" : entry.note(), entry.source()))
                .toList();
        views().render(request, response, "Änderungsverlauf " + year, "history", new Model(directory.name(ags), year,
                rows, total, pager));
    }

    public record Row(String when, String machineTime, String figure, String period, String oldValue,
            String newValue, String user, String note, String source) {
    }

    public record Model(String name, int year, List<Row> rows, int total, Pager pager) {
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }
}
