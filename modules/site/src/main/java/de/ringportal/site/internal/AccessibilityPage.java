package de.ringportal.site.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;

/** The accessibility statement (Erklärung zur Barrierefreiheit) required by BITV 2.0. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/barrierefreiheit")
@MenuEntry(label = "Barrierefreiheit", path = "/barrierefreiheit", order = 30, area = MenuEntry.FOOTER)
public class AccessibilityPage extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public AccessibilityPage(@Reference SitePages pages, @Reference Views views) {
        super(pages, views, "barrierefreiheit");
    }
}
