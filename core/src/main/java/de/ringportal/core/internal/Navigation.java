package de.ringportal.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The menu: a whiteboard of every service, of any type, that carries the {@code ringportal.menu.label} property.
 * An entry exists exactly as long as its service is registered.
 */
@Component(service = Navigation.class)
public class Navigation {

    private static final Comparator<MenuItem> ORDER =
            Comparator.comparingInt(MenuItem::order).thenComparing(MenuItem::label);

    private final Map<Object, MenuItem> entries = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, MenuItem> tracker;

    @Activate
    public Navigation(BundleContext context) throws InvalidSyntaxException {
        tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter("(" + MenuItem.LABEL + "=*)"),
                new Customizer());
        tracker.open(true);
    }

    /** For tests: a navigation over fixed entries. */
    Navigation(List<MenuItem> items) {
        tracker = null;
        items.forEach(item -> entries.put(item, item));
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The entries of one menu area that pass the visibility check, in menu order. */
    public List<MenuItem> entries(String area, Predicate<String> hasRole) {
        List<MenuItem> visible = new ArrayList<>();
        for (MenuItem item : entries.values()) {
            if (item.area().equals(area) && (item.roles().isEmpty() || item.roles().stream().anyMatch(hasRole))) {
                visible.add(item);
            }
        }
        visible.sort(ORDER);
        return visible;
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, MenuItem> {
        @Override
        public MenuItem addingService(ServiceReference<Object> reference) {
            MenuItem item = MenuItem.fromProperties(toMap(reference));
            if (item != null) {
                entries.put(reference, item);
            }
            return item;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, MenuItem old) {
            entries.remove(reference);
            addingService(reference);
        }

        @Override
        public void removedService(ServiceReference<Object> reference, MenuItem item) {
            entries.remove(reference);
        }

        private Map<String, Object> toMap(ServiceReference<?> reference) {
            Map<String, Object> map = new HashMap<>();
            for (String key : reference.getPropertyKeys()) {
                map.put(key, reference.getProperty(key));
            }
            return map;
        }
    }
}
