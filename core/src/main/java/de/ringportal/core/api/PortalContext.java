package de.ringportal.core.api;

/** Names of the one servlet context that core owns and every module's routes, filters and assets join. */
public final class PortalContext {

    /** Value of {@code osgi.http.whiteboard.context.name} of the portal's servlet context. */
    public static final String NAME = "ringportal";

    /** Filter for {@code osgi.http.whiteboard.context.select} that selects the portal's servlet context. */
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    /** Request attribute holding the id that ties an error page to its log line. */
    public static final String REQUEST_ID = "de.ringportal.requestId";

    private PortalContext() {
    }
}
