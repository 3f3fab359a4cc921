package de.ringportal.site.internal;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.MenuEntry;

/**
 * The menu entries of the pages the Redaktion created: one service per page with the {@link MenuEntry} properties
 * that core's menu tracks, registered at run time and updated whenever a page is saved or deleted. They go away
 * with this bundle, like every other entry.
 */
@Component(service = CustomPageMenu.class)
public class CustomPageMenu {

    /** The registered service: it only carries the menu properties. */
    public record Link(String slug) {
    }

    private record Entry(String label, int order, ServiceRegistration<Link> registration) {
    }

    private final BundleContext context;
    private final SitePages pages;
    private final Map<String, Entry> entries = new HashMap<>();

    @Activate
    public CustomPageMenu(BundleContext context, @Reference SitePages pages) {
        this.context = context;
        this.pages = pages;
        refresh();
    }

    /** Brings the registered entries in line with the stored pages. */
    synchronized void refresh() {
        Map<String, SitePage> wanted = new HashMap<>();
        for (SitePage page : pages.all()) {
            if (page.isCustom() && page.menuLabel() != null && !page.menuLabel().isBlank()) {
                wanted.put(page.slug(), page);
            }
        }
        entries.entrySet().removeIf(entry -> {
            SitePage page = wanted.get(entry.getKey());
            boolean stale = page == null || !page.menuLabel().equals(entry.getValue().label())
                    || page.menuOrder() != entry.getValue().order();
            if (stale) {
                entry.getValue().registration().unregister();
            }
            return stale;
        });
        wanted.forEach((slug, page) -> entries.computeIfAbsent(slug, s -> register(page)));
    }

    private Entry register(SitePage page) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MenuEntry.PREFIX_ + "label", page.menuLabel());
        properties.put(MenuEntry.PREFIX_ + "path", page.path());
        properties.put(MenuEntry.PREFIX_ + "order", page.menuOrder());
        properties.put(MenuEntry.PREFIX_ + "area", MenuEntry.MAIN);
        return new Entry(page.menuLabel(), page.menuOrder(),
                context.registerService(Link.class, new Link(page.slug()), properties));
    }

    @Deactivate
    synchronized void deactivate() {
        for (Entry entry : entries.values()) {
            try {
                entry.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        entries.clear();
    }
}
