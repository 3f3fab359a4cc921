package de.ringportal.admin.internal;

import java.util.List;

/**
 * One bundle as the Erweiterungen page lists it: what it is, its state, what it contributes to the portal and what
 * the administrator may do with it.
 */
public record BundleRow(long id, String name, String symbolicName, String version, String state, Kind kind,
        List<String> routes, List<String> menuEntries, List<String> services, boolean active) {

    public String kindLabel() {
        return kind.label();
    }

    public boolean mayStart() {
        return kind.mayStartStop() && !active;
    }

    public boolean mayStop() {
        return kind.mayStartStop() && active;
    }

    public boolean mayChange() {
        return kind.mayChange();
    }

    public boolean hasActions() {
        return kind.mayStartStop();
    }

    public String routeText() {
        return routes.isEmpty() ? "–" : String.join(", ", routes);
    }

    public String menuText() {
        return menuEntries.isEmpty() ? "–" : String.join(", ", menuEntries);
    }

    public String serviceText() {
        return services.isEmpty() ? "–" : String.join(", ", services);
    }
}
