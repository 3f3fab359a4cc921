package de.ringportal.core.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.HeaderBox;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The one site layout: header with title and login area, main menu, the page's content, footer links. */
@Component(service = Layout.class)
public class Layout {

    static final String SITE_TITLE = "Benchmarking der Optionskommunen";

    private final BundleTemplates templates;
    private final Navigation navigation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HeaderBox headerBox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HeadLinks headLinks;

    @Activate
    public Layout(BundleContext context, @Reference Navigation navigation) {
        this(new BundleTemplates(context.getBundle()::getEntry), navigation);
    }

    Layout(BundleTemplates templates, Navigation navigation) {
        this.templates = templates;
        this.navigation = navigation;
    }

    /** The full HTML page around {@code contentHtml}, which must already be escaped. */
    public String page(HttpServletRequest request, HttpServletResponse response, String title, String contentHtml) {
        String path = request.getRequestURI();
        HeaderBox box = headerBox;
        HeadLinks head = headLinks;
        return templates.render("layout", new Model(title, SITE_TITLE, contentHtml,
                box == null ? "" : box.html(request, response),
                links(MenuEntry.MAIN, request, path), links(MenuEntry.FOOTER, request, path),
                head == null ? List.of() : head.links()));
    }

    /** Renders one of core's own templates without the layout. */
    public String fragment(String template, Object model) {
        return templates.render(template, model);
    }

    private List<Link> links(String area, HttpServletRequest request, String currentPath) {
        // the viewer attribute, not isUserInRole: error pages are dispatched with the container's unwrapped request
        Viewer viewer = request.getAttribute(PortalContext.VIEWER) instanceof Viewer v ? v : Viewer.ANONYMOUS;
        return navigation.entries(area, role -> Role.fromId(role).map(viewer::has).orElse(false)).stream()
                .map(item -> new Link(item.label(), item.path(), item.path().equals(currentPath)))
                .toList();
    }

    /** A menu link as the layout template sees it. */
    public record Link(String label, String path, boolean current) {
    }

    /** What the layout template renders. */
    public record Model(String title, String siteTitle, String content, String headerBox, List<Link> mainMenu,
            List<Link> footerMenu, List<HeadLinks.Link> headLinks) {
    }
}
