package de.ringportal.core.internal;

import java.io.IOException;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.PortalContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database is not open, every page answers the styled 503 saying the portal is starting, instead of the
 * 404s of pages whose modules wait for it; while a PostgreSQL server is gone, the styled 503 saying the page is not
 * available for now, and so does a request that fails because the connection broke (instead of a 500). Assets and
 * {@code /health} still answer. Runs after {@link PortalFilter} (lower ranking), so the answer carries its request id
 * and security headers.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect(PortalContext.SELECT)
@ServiceRanking(-100)
public class DatabaseGate implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);

    /** Request attribute telling the error page that the 503 is the wait for the database. */
    static final String WAITING = DatabaseGate.class.getName() + ".waiting";
    /** Request attribute telling the error page that the 503 is a lost connection to the database server. */
    static final String LOST = DatabaseGate.class.getName() + ".lost";
    /** Seconds a client is asked to wait before trying again. */
    static final String RETRY_AFTER_SECONDS = "10";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource dataSource;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (passes(request.getRequestURI())) {
            chain.doFilter(req, res);
            return;
        }
        Database own = database;
        Database.Status status = Database.Status.of(own, dataSource);
        if (!status.up()) {
            unavailable(request, response, !status.lost());
            return;
        }
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException e) {
            if (own == null || response.isCommitted() || !own.connectionLost(e)) {
                throw e;
            }
            LOG.warn("Request {} {} answered 503: the database connection broke ({})", request.getMethod(),
                    request.getRequestURI(), e.getMessage());
            response.reset();
            unavailable(request, response, false);
        }
    }

    /** The styled 503; {@code starting} chooses the text saying the portal still waits for its database. */
    private static void unavailable(HttpServletRequest request, HttpServletResponse response, boolean starting)
            throws IOException {
        request.setAttribute(starting ? WAITING : LOST, Boolean.TRUE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    /** What answers without the database: the stylesheet the error page needs, and the health check. */
    private static boolean passes(String path) {
        return path.startsWith(PortalFilter.ASSETS) || path.equals("/health");
    }
}
