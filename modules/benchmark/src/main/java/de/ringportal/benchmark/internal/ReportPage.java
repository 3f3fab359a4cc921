package de.ringportal.benchmark.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.reports.api.NewReport;
import de.ringportal.reports.api.ReportLibrary;
import de.ringportal.rings.api.Ring;
import de.ringportal.core.pages.Answers;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Guard;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ring report of a year: printable HTML ({@code /kennzahlen/bericht/4/2024}), PDF
 * ({@code /kennzahlen/bericht/4/2024.pdf}), and, for the ring's moderators and the Redaktion, filing the PDF into the
 * reports library for that ring with one button ({@code POST /kennzahlen/bericht/4/2024/ablegen}).
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/bericht/*")
public class ReportPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient KeyFigureStore store;
    private final transient Directory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ReportLibrary library;

    @Activate
    public ReportPage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
            @Reference Directory directory) {
        super(access, views);
        this.store = store;
        this.directory = directory;
    }

    /** Ring id and year of the route. */
    private record Target(String ring, int year) {

        /** The target, or null for a year out of range (then 404). */
        static Target of(Exchange exchange) {
            int year = Periods.year(exchange.path().text("year"), -1);
            return year < 0 ? null : new Target(exchange.path().text("ring"), year);
        }
    }

    @Override
    protected Routes routes() {
        Guard insiders = (request, path) -> {
            Viewer viewer = access().viewer(request);
            return Rules.member(viewer) || Rules.mayTransferAll(viewer);
        };
        Guard moderators = (request, path) -> access().mayModerateRingPeriod(request, path.text("ring"),
                path.integer("year"));
        return Routes.builder()
                .get("/{ring:word}/{year:year}", insiders, exchange -> show(exchange, false))
                .get("/{ring:word}/{year:year}.pdf", insiders, exchange -> show(exchange, true))
                .post("/{ring:word}/{year:year}/ablegen", moderators, this::file)
                .build();
    }

    private void show(Exchange exchange, boolean asPdf) throws IOException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        Viewer viewer = exchange.viewer();
        Target target = Target.of(exchange);
        if (target == null) {
            exchange.notFound();
            return;
        }
        Optional<Ring> ring = ring(request, response, target);
        if (ring == null) {
            return;
        }
        RingReport report = RingReport.build(ring.get(), target.year(), store, directory, viewer.municipality());
        if (asPdf) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            ReportPdf.write(report, pdf);
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "inline; filename=\"" + fileName(report) + "\"");
            response.setContentLength(pdf.size());
            pdf.writeTo(response.getOutputStream());
            return;
        }
        views().render(request, response, "Ringbericht " + target.year() + ": " + ring.get().name(), "report",
                new Model(report, access().mayModerateRingPeriod(request, ring.get().id(), target.year())
                        && library != null, request.getParameter("abgelegt")));
    }

    private void file(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        Viewer viewer = exchange.viewer();
        Target target = Target.of(exchange);
        if (target == null) {
            exchange.notFound();
            return;
        }
        Optional<Ring> ring = ring(request, response, target);
        if (ring == null) {
            return;
        }
        ReportLibrary current = library;
        if (current == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        RingReport report = RingReport.build(ring.get(), target.year(), store, directory, null);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        ReportPdf.write(report, pdf);
        String page;
        try {
            page = current.file(new NewReport("Ringbericht " + target.year() + ": " + ring.get().name(), target.year(),
                    "Kennzahlen des Rings " + ring.get().name() + " für " + target.year()
                            + ", aus den freigegebenen Werten erstellt." + (report.synthetic()
                                    ? " Enthält synthetische Demodaten." : ""),
                    Set.of(ring.get().id()), fileName(report), "application/pdf", viewer.userName()),
                    new ByteArrayInputStream(pdf.toByteArray()));
        } catch (IllegalArgumentException refused) {
            views().render(request, response, "Ringbericht nicht abgelegt", "report-refused",
                    Map.of("message", refused.getMessage(), "back", "/kennzahlen/bericht/" + target.ring() + "/"
                            + target.year()));
            return;
        }
        exchange.seeOther(Answers.isSitePath(page) ? page
                : "/kennzahlen/bericht/" + target.ring() + "/" + target.year() + "?abgelegt=1");
    }

    /** The ring, if it exists and the viewer may see it; null after answering the request otherwise. */
    private Optional<Ring> ring(HttpServletRequest request, HttpServletResponse response, Target target)
            throws IOException {
        if (!directory.ringsAvailable()) {
            views().render(request, response, "Ringbericht", "unavailable", Map.of());
            return null;
        }
        Optional<Ring> ring = directory.ring(target.ring());
        if (ring.isEmpty()) {
            Answers.notFound(response);
            return null;
        }
        if (!access().require(request, response, access().maySeeRingPeriod(request, target.ring(), target.year()))) {
            return null;
        }
        return ring;
    }

    private static String fileName(RingReport report) {
        return "ringbericht-" + report.ring().id() + "-" + report.year() + ".pdf";
    }

    public record Model(RingReport report, boolean mayFile, String filed) {
    }
}
