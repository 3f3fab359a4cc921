package de.ringportal.core.pages;

import java.io.IOException;
import java.util.Objects;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** One request to a route and the ways to answer it. Made by {@link RoutedServlet} for each request. */
public final class Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final PathParams path;
    private final Access access;
    private final Views views;

    Exchange(HttpServletRequest request, HttpServletResponse response, PathParams path, Access access, Views views) {
        this.request = request;
        this.response = response;
        this.path = path;
        this.access = access;
        this.views = views;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    /** The route's placeholders. */
    public PathParams path() {
        return path;
    }

    /** Who sent the request; {@link Viewer#ANONYMOUS} when nobody is logged in. */
    public Viewer viewer() {
        return access.viewer(request);
    }

    /** A request parameter, stripped; "" when it is missing, never null. */
    public String parameter(String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "").strip();
    }

    /**
     * Enforces a decision as {@link Access#require} does: true when {@code allowed}; otherwise the login page for
     * anonymous visitors of a GET, 403 for everyone else, and false.
     */
    public boolean require(boolean allowed) throws IOException {
        return access.require(request, response, allowed);
    }

    /** The page in the site layout, with the status set so far (200 unless the handler set another). */
    public void render(String title, String template, Object model) throws IOException {
        views.render(request, response, title, template, model);
    }

    /**
     * A form page: with errors, the status is {@link FormErrors#status()} (422 unless set otherwise), and the model
     * should carry {@link FormErrors#summary()} for {@code {{> shared/error-summary}}}.
     */
    public void render(FormErrors errors, String title, String template, Object model) throws IOException {
        if (errors.hasErrors()) {
            response.setStatus(errors.status());
        }
        views.render(request, response, title, template, model);
    }

    /** 303 See Other to a path of the site; see {@link Answers#seeOther}. */
    public void seeOther(String sitePath) {
        Answers.seeOther(response, sitePath);
    }

    /** 404 with core's styled error page. */
    public void notFound() throws IOException {
        Answers.notFound(response);
    }
}
