package de.ringportal.core.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.osgi.service.component.annotations.Component;
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
 * Runs around every request of the portal's context: gives it an id, sets the security headers, turns malformed
 * input into a 4xx and any failure into the styled 500 page, logging the stack trace with the same id.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect(PortalContext.SELECT)
public class PortalFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(PortalFilter.class);

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    static final String ASSETS = "/assets/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String id = newRequestId();
        request.setAttribute(PortalContext.REQUEST_ID, id);
        setStandardHeaders(response, id);

        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (!hasReadableQuery(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (request.getRequestURI().startsWith(ASSETS)) {
            response.setHeader("Cache-Control", "public, max-age=86400");
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | LinkageError e) {
            LOG.error("Request {} failed: {} {}", id, request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                setStandardHeaders(response, id);
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    /**
     * Parses the query string up front, so broken percent-encoding is a 400 here rather than a failure deep inside a
     * page. Only for requests without a body: reading a form body is the page's business.
     */
    private static boolean hasReadableQuery(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return true;
        }
        try {
            request.getParameterMap();
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Malformed query string: {}", e.getMessage());
            return false;
        }
    }

    static void setStandardHeaders(HttpServletResponse response, String id) {
        response.setHeader("X-Request-Id", id);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("X-Frame-Options", "DENY");
    }

    static String newRequestId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }
}
