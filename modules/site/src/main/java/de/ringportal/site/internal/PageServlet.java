package de.ringportal.site.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Answers;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shows one stored page of the site at a fixed address; each subclass is a component with its route and menu entry.
 * A plain servlet, not a {@code RoutedServlet}: its whiteboard pattern is its one path, there is nothing to route.
 */
abstract class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SitePages pages;
    private final transient Views views;
    private final String slug;

    /** What the page template renders: the body's HTML (already escaped or sanitised) and sections below it. */
    public record View(String html, List<String> sections) {
    }

    PageServlet(SitePages pages, Views views, String slug) {
        this.pages = pages;
        this.views = views;
        this.slug = slug;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SitePage> page = pages.find(slug);
        if (page.isEmpty()) {
            Answers.notFound(response);
            return;
        }
        views.render(request, response, page.get().title(), "page",
                new View(pages.html(page.get()), sections(request, response)));
    }

    /** HTML that follows the page's text; none by default. */
    List<String> sections(HttpServletRequest request, HttpServletResponse response) {
        return List.of();
    }
}
