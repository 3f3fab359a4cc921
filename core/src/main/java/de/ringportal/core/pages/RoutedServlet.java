package de.ringportal.core.pages;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Views;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet that answers its area through a {@link Routes} table. Subclasses are DS components with constructor
 * injection that pass the {@link Access} and {@link Views} they get on:
 * <pre>{@code
 * @Activate
 * public EventsPage(@Reference Access access, @Reference Views views, @Reference EventStore store) {
 *     super(access, views);
 *     this.store = store;
 * }
 * protected Routes routes() {
 *     return Routes.builder().get("/", this::list).get("/{id:int}", this::show).build();
 * }
 * }</pre>
 * {@link #routes()} is called once, when the container initialises the servlet. GET and POST go through the table;
 * HEAD is answered as GET without a body. The answers the servlet gives itself: a refused {@link Guard} (the table's
 * {@link Routes.Builder#guardAll} first, then the route's) sends anonymous visitors of a GET to the login page and
 * gives everyone else 403, as {@link Access#require} does; an unknown path gets 404, a known path with another
 * method 405 with {@code Allow}.
 */
public abstract class RoutedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Access access;
    private final transient Views views;
    private transient volatile Routes table;

    protected RoutedServlet(Access access, Views views) {
        this.access = Objects.requireNonNull(access, "access");
        this.views = Objects.requireNonNull(views, "views");
    }

    /** The route table; called once, from {@link #init()}. */
    protected abstract Routes routes();

    protected final Access access() {
        return access;
    }

    protected final Views views() {
        return views;
    }

    /** Builds the route table. A subclass that overrides this must call {@code super.init()}. */
    @Override
    public void init() throws ServletException {
        table = routes();
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch("GET", request, response);
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        dispatch("POST", request, response);
    }

    private void dispatch(String method, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Routes routes = table;
        if (routes == null) {
            // a servlet used without init() (a test that calls service directly)
            routes = routes();
            table = routes;
        }
        Guard all = routes.guardAll();
        if (all != null && !all.allows(request, PathParams.NONE)) {
            access.require(request, response, false);
            return;
        }
        Optional<Routes.Match> found = routes.match(method, request.getPathInfo());
        if (found.isEmpty()) {
            Set<String> methods = routes.methods(request.getPathInfo());
            if (methods.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                response.setHeader("Allow", String.join(", ", methods));
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
            return;
        }
        Routes.Match match = found.get();
        if (match.guard() != null && !match.guard().allows(request, match.path())) {
            access.require(request, response, false);
            return;
        }
        match.handler().handle(new Exchange(request, response, match.path(), access, views));
    }
}
