package de.ringportal.benchmark.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Releases a municipality's drafts of a year, by a member of that municipality only. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/freigeben")
public class ReleaseServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient KeyFigureStore store;

    @Activate
    public ReleaseServlet(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store) {
        super(access, views);
        this.store = store;
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .get("/", exchange -> show(exchange.request(), exchange.response()))
                .post("/", (request, path) -> Rules.mayEnterFor(access().viewer(request),
                        request.getParameter("kommune")), this::post)
                .build();
    }

    private void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/kennzahlen/erfassen");
    }

    private void post(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        int year = Periods.year(request.getParameter("jahr"), -1);
        if (year < 0) {
            exchange.response().sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        int released = store.release(request.getParameter("kommune"), year, exchange.viewer().userName());
        exchange.seeOther("/kennzahlen/erfassen?jahr=" + year + "&monat=" + EntryPage.month(request.getParameter("monat"))
                + "&freigegeben=" + released);
    }
}
