package de.ringportal.site.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;

/** The Impressum (legal notice). */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/impressum")
@MenuEntry(label = "Impressum", path = "/impressum", order = 10, area = MenuEntry.FOOTER)
public class ImprintPage extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ImprintPage(@Reference SitePages pages, @Reference Views views) {
        super(pages, views, "impressum");
    }
}
