package de.ringportal.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

import de.ringportal.core.api.HeadLink;

/** The head links of every page: a whiteboard of services with the {@code ringportal.head.href} property. */
@Component(service = HeadLinks.class)
public class HeadLinks {

    static final String HREF = HeadLink.PREFIX_ + "href";

    /** One {@code <link>} as the layout template sees it. */
    public record Link(String rel, String type, String title, String href) {
    }

    private final Map<ServiceReference<?>, Link> links = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Object> tracker;

    @Activate
    public HeadLinks(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter("(" + HREF + "=*)"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                Object href = reference.getProperty(HREF);
                if (href instanceof String h && MenuItem.isLocalPath(h)) {
                    links.put(reference, new Link(text(reference, "rel", "alternate"), text(reference, "type", ""),
                            text(reference, "title", ""), h));
                }
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                links.remove(reference);
            }
        };
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The current links, in a stable order. */
    public List<Link> links() {
        return links.values().stream().sorted(Comparator.comparing(Link::href)).toList();
    }

    private static String text(ServiceReference<?> reference, String name, String fallback) {
        return reference.getProperty(HeadLink.PREFIX_ + name) instanceof String s ? s : fallback;
    }
}
