package de.ringportal.site.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;

/** The privacy statement (Datenschutzerklärung). */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/datenschutz")
@MenuEntry(label = "Datenschutz", path = "/datenschutz", order = 20, area = MenuEntry.FOOTER)
public class PrivacyPage extends PageServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public PrivacyPage(@Reference SitePages pages, @Reference Views views) {
        super(pages, views, "datenschutz");
    }
}
