package de.ringportal.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.Authenticator;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs around every request of the portal's context: gives it an id, sets the security headers, turns malformed
 * input (malformed or oversized uploads included, see {@link MultipartGuard}) into a 4xx, a write refused as busy
 * into the styled 503 page and any other failure into the styled 500 page (logging the stack trace with the same
 * id), asks the {@link Authenticator} who sent it, and refuses every POST, PUT and DELETE without a CSRF token valid
 * for its session ({@link CsrfTokens}).
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect(PortalContext.SELECT)
public class PortalFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(PortalFilter.class);

    /** Request attribute telling the error page that the 403 came from a failed CSRF check. */
    static final String CSRF_FAILED = PortalFilter.class.getName() + ".csrfFailed";
    /** Request attribute telling the error page that the 503 came from a write the database refused as busy. */
    static final String STORE_BUSY = PortalFilter.class.getName() + ".storeBusy";
    /** How much of an oversized body is read and dropped before the 413, so the client can read the answer. */
    private static final long DISCARD_LIMIT = 16L * 1024 * 1024;
    static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    public PortalFilter() {
    }

    PortalFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Signs CSRF tokens with the key stored in the data directory, so that open forms outlive a restart. */
    @Activate
    void activate(BundleContext context) {
        Path dataDir = DerbyPool.databaseDirectory(context).getParent();
        try {
            CsrfTokens.useKey(CsrfKeyFile.loadOrCreate(dataDir));
        } catch (IOException e) {
            LOG.warn("Der CSRF-Schlüssel in {} ist nicht lesbar oder nicht anzulegen; bis zum nächsten Start gilt ein "
                    + "zufälliger (Formulare von vor einem Neustart werden dann einmal abgelehnt)", dataDir, e);
        }
    }

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
        if (request.getRequestURI().startsWith(ASSETS)) {
            response.setHeader("Cache-Control", "public, max-age=86400");
        }
        try {
            Authenticator current = authenticator;
            Viewer viewer = identify(current, request);
            request.setAttribute(PortalContext.VIEWER, viewer);
            CsrfTokens.bind(request, current == null || viewer.isAnonymous() ? null : current.sessionKey(request));
            if (!viewer.isAnonymous()) {
                // pages of a logged-in person may show personal data: no copies in shared or browser caches
                response.setHeader("Cache-Control", "no-store");
            }
            int refusal = STATE_CHANGING.contains(request.getMethod()) ? MultipartGuard.refusal(request) : 0;
            if (refusal != 0) {
                discardRest(request);
                response.sendError(refusal);
                return;
            }
            // after the upload check: on an upload, reading the parameters parses the body (once, if it is sound)
            if (!hasReadableQuery(request)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            refusal = STATE_CHANGING.contains(request.getMethod()) ? csrfRefusal(request) : 0;
            if (refusal != 0) {
                LOG.info("Request {} refused ({}): {} {} without a valid CSRF token", id, refusal,
                        request.getMethod(), request.getRequestURI());
                request.setAttribute(CSRF_FAILED, refusal == HttpServletResponse.SC_FORBIDDEN);
                if (refusal == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                    discardRest(request);
                }
                response.sendError(refusal);
                return;
            }
            chain.doFilter(new ViewerRequest(request, viewer), response);
        } catch (IOException | ServletException | RuntimeException | LinkageError e) {
            boolean busy = StoreBusyException.isCause(e);
            // the database server went away (before DatabaseGate could tell, e.g. while identifying the viewer)
            boolean databaseGone = !busy && ConnectionWatch.isConnectionLoss(e);
            if (busy) {
                // nothing was stored and the sender may simply try again: no stack trace, no 500
                LOG.warn("Request {} refused, database busy: {} {}: {}", id, request.getMethod(),
                        request.getRequestURI(), e.getMessage());
            } else if (databaseGone) {
                LOG.warn("Request {} answered 503, the database connection broke: {} {}: {}", id,
                        request.getMethod(), request.getRequestURI(), e.getMessage());
            } else {
                LOG.error("Request {} failed: {} {}", id, request.getMethod(), request.getRequestURI(), e);
            }
            if (!response.isCommitted()) {
                response.reset();
                setStandardHeaders(response, id);
                request.setAttribute(STORE_BUSY, busy);
                request.setAttribute(DatabaseGate.LOST, databaseGone);
                response.sendError(busy || databaseGone ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                        : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    /**
     * 0 when the request carries the CSRF token of its cookie, else the status to refuse it with: 403, or 413 / 400
     * when the container cannot read the body (larger than its form limit, or malformed).
     */
    private static int csrfRefusal(HttpServletRequest request) {
        try {
            return CsrfTokens.matches(request) ? 0 : HttpServletResponse.SC_FORBIDDEN;
        } catch (RuntimeException unreadable) {
            return isTooLarge(unreadable) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    : HttpServletResponse.SC_BAD_REQUEST;
        }
    }

    /**
     * Reads and drops what is left of an oversized body (up to {@value #DISCARD_LIMIT} bytes), so that a client
     * still sending it receives the 413 page instead of a connection closed under it.
     */
    private static void discardRest(HttpServletRequest request) {
        byte[] buffer = new byte[16 * 1024];
        long discarded = 0;
        try (InputStream rest = request.getInputStream()) {
            for (int n; discarded < DISCARD_LIMIT && (n = rest.read(buffer)) != -1; ) {
                discarded += n;
            }
        } catch (IOException | IllegalStateException unreadable) {
            // nothing more to read: the container closes the connection after the answer
        }
    }

    /**
     * Jetty's form parser refuses a body over its limit (or with too many keys) with an IllegalStateException, which
     * Jetty 12 hands on wrapped in its own BadMessageException (a 400): look through the causes for it.
     */
    private static boolean isTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException) {
                return true;
            }
        }
        return false;
    }

    private static Viewer identify(Authenticator current, HttpServletRequest request) {
        Viewer viewer = current == null ? null : current.identify(request);
        return viewer == null ? Viewer.ANONYMOUS : viewer;
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
