package de.ringportal.benchmark.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Releases a municipality's drafts of a year, by a member of that municipality only. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/freigeben")
public class ReleaseServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Access access;
    private final transient KeyFigureStore store;

    @Activate
    public ReleaseServlet(@Reference Access access, @Reference KeyFigureStore store) {
        this.access = access;
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/kennzahlen/erfassen");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access.viewer(request);
        String ags = request.getParameter("kommune");
        if (!access.require(request, response, Rules.mayEnterFor(viewer, ags))) {
            return;
        }
        int year = Periods.year(request.getParameter("jahr"), -1);
        if (year < 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        int released = store.release(ags, year, viewer.userName());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/kennzahlen/erfassen?jahr=" + year + "&monat="
                + EntryPage.month(request.getParameter("monat")) + "&freigegeben=" + released);
    }
}
