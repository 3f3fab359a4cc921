package de.ringportal.site.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;

/** The start page with the welcome text, at the site's root. */
@Component(service = Servlet.class)
@Route(servlet_pattern = Route.ROOT)
@MenuEntry(label = "Startseite", path = "/", order = 0, area = MenuEntry.MAIN)
public class StartPage extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public StartPage(@Reference SitePages pages, @Reference Views views) {
        super(pages, views, "start");
    }
}
