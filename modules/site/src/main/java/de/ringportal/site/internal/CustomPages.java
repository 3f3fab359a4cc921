package de.ringportal.site.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The pages the Redaktion created, at {@code /seiten/<slug>}. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/seiten/*")
public class CustomPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final transient SitePages pages;
    private final transient Views views;

    @Activate
    public CustomPages(@Reference SitePages pages, @Reference Views views) {
        this.pages = pages;
        this.views = views;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String slug = path == null ? "" : path.substring(1);
        Optional<SitePage> page = SLUG.matcher(slug).matches() ? pages.find(slug) : Optional.empty();
        if (page.isEmpty() || !page.get().isCustom()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        views.render(request, response, page.get().title(), "page",
                new PageServlet.View(pages.html(page.get()), java.util.List.of()));
    }
}
