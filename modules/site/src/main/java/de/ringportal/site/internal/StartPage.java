package de.ringportal.site.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.content.api.StartPageSection;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The start page with the welcome text, at the site's root, followed by the sections other modules contribute
 * ({@link StartPageSection} whiteboard: the news, for example), so this bundle depends on none of them.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = Route.ROOT)
@MenuEntry(label = "Startseite", path = "/", order = 0, area = MenuEntry.MAIN)
public class StartPage extends PageServlet {

    private static final long serialVersionUID = 1L;

    private final transient Map<StartPageSection, Integer> sections = new ConcurrentHashMap<>();

    @Activate
    public StartPage(@Reference SitePages pages, @Reference Views views) {
        super(pages, views, "start");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSection(StartPageSection section, Map<String, Object> properties) {
        sections.put(section, properties.get(StartPageSection.ORDER) instanceof Integer order ? order : 100);
    }

    void removeSection(StartPageSection section) {
        sections.remove(section);
    }

    @Override
    List<String> sections(HttpServletRequest request, HttpServletResponse response) {
        List<Map.Entry<StartPageSection, Integer>> ordered = new ArrayList<>(sections.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        List<String> html = new ArrayList<>();
        for (Map.Entry<StartPageSection, Integer> section : ordered) {
            String part = section.getKey().html(request, response);
            if (part != null && !part.isBlank()) {
                html.add(part);
            }
        }
        return html;
    }
}
