package de.ringportal.site.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/** The pages the Redaktion created, at {@code /seiten/<slug>}. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/seiten/*")
public class CustomPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient SitePages pages;

    @Activate
    public CustomPages(@Reference SitePages pages, @Reference Access access, @Reference Views views) {
        super(access, views);
        this.pages = pages;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/{slug:slug}", this::show).build();
    }

    private void show(Exchange x) throws IOException {
        Optional<SitePage> page = pages.find(x.path().text("slug")).filter(SitePage::isCustom);
        if (page.isEmpty()) {
            x.notFound();
        } else {
            x.render(page.get().title(), "page", new PageServlet.View(pages.html(page.get()), List.of()));
        }
    }
}
