package de.ringportal.core.api;

/** Names of the one servlet context that core owns and every module's routes, filters and assets join. */
public final class PortalContext {

    /** Value of {@code osgi.http.whiteboard.context.name} of the portal's servlet context. */
    public static final String NAME = "ringportal";

    /** Filter for {@code osgi.http.whiteboard.context.select} that selects the portal's servlet context. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    /** Request attribute holding the id that ties an error page to its log line. */
    public static final String REQUEST_ID = "de.ringportal.requestId";

    /** Request attribute holding the {@link Viewer} of the request. */
    public static final String VIEWER = "de.ringportal.viewer";

    /** Form field (or {@code X-CSRF-Token} header) that carries the CSRF token on every state-changing request. */
    public static final String CSRF_PARAMETER = "_csrf";

    /** Path of the login page; {@value #LOGIN_TARGET} carries the site-relative page to return to. */
    public static final String LOGIN_PATH = "/anmelden";

    /** Query parameter of the login page naming where to go after login. */
    public static final String LOGIN_TARGET = "ziel";

    private PortalContext() {
    }
}
