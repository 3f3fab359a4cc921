package de.ringportal.admin.internal;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

import de.ringportal.core.api.MenuEntry;

/**
 * The installed bundles as the Erweiterungen page sees them: one row each with what it contributes, its kind (which
 * decides what the page may do with it), and the capabilities of what is resolved, for checking an upload.
 */
final class BundleInventory {

    /** The portal's core, accounts and this bundle: not stopped, updated or removed from the page. */
    static final Set<String> CORE = Set.of("de.ringportal.core", "de.ringportal.auth", "de.ringportal.admin");
    /** Location of bundles installed from the page: stable across versions, like the launcher's own. */
    static final String UPLOAD_LOCATION = "ringportal:upload:";

    private final BundleContext context;
    private final Path deployFolder;

    BundleInventory(BundleContext context) {
        this.context = context;
        String deploy = context.getProperty("felix.fileinstall.dir");
        this.deployFolder = deploy == null ? null : Path.of(deploy).toAbsolutePath().normalize();
    }

    /** Every installed bundle, feature modules first, then by name. */
    List<BundleRow> list() {
        List<BundleRow> rows = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            rows.add(row(bundle));
        }
        rows.sort(Comparator.comparing((BundleRow row) -> switch (row.kind()) {
            case MODULE -> 0;
            case DEPLOY -> 1;
            case CORE -> 2;
            case SYSTEM -> 3;
        }).thenComparing(row -> row.name().toLowerCase(Locale.ROOT)));
        return rows;
    }

    BundleRow row(Bundle bundle) {
        List<String> routes = new ArrayList<>();
        List<String> menus = new ArrayList<>();
        Set<String> services = new TreeSet<>();
        ServiceReference<?>[] registered = bundle.getState() == Bundle.UNINSTALLED ? null : bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                routes.addAll(strings(reference.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN)));
                Object label = reference.getProperty(MenuEntry.PREFIX_ + "label");
                if (label != null) {
                    menus.add(label.toString());
                }
                for (String type : strings(reference.getProperty(Constants.OBJECTCLASS))) {
                    services.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        String name = bundle.getHeaders("").get(Constants.BUNDLE_NAME);
        String symbolicName = bundle.getSymbolicName() == null ? "?" : bundle.getSymbolicName();
        return new BundleRow(bundle.getBundleId(), name == null ? symbolicName : name, symbolicName,
                bundle.getVersion().toString(), state(bundle.getState()), kind(bundle), routes.stream().sorted()
                        .map(route -> route.isEmpty() ? "/" : route).toList(),
                menus, List.copyOf(services), bundle.getState() == Bundle.ACTIVE);
    }

    Kind kind(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return Kind.SYSTEM;
        }
        if (CORE.contains(bundle.getSymbolicName())) {
            return Kind.CORE;
        }
        String location = bundle.getLocation();
        if (isInDeployFolder(location)) {
            return Kind.DEPLOY;
        }
        if (location.startsWith(UPLOAD_LOCATION) || (bundle.getSymbolicName() != null
                && bundle.getSymbolicName().startsWith("de.ringportal."))) {
            return Kind.MODULE;
        }
        return Kind.SYSTEM;
    }

    /** FileInstall's locations are file: URIs of the jars in its folder (java.io.File style, "file:/..."). */
    private boolean isInDeployFolder(String location) {
        if (deployFolder == null || !location.startsWith("file:")) {
            return false;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize().startsWith(deployFolder);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return false;
        }
    }

    /** The installed feature modules (kind {@link Kind#MODULE}), in the framework's order. */
    List<Bundle> modules() {
        List<Bundle> modules = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (kind(bundle) == Kind.MODULE) {
                modules.add(bundle);
            }
        }
        return modules;
    }

    Bundle bundle(long id) {
        return context.getBundle(id);
    }

    Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "aktiv";
            case Bundle.RESOLVED -> "gestoppt";
            case Bundle.INSTALLED -> "installiert, nicht aufgelöst";
            case Bundle.STARTING -> "startet";
            case Bundle.STOPPING -> "stoppt";
            default -> "entfernt";
        };
    }

    /** Checks an uploaded file against what is resolved right now. */
    BundleCheck.Result check(Path file, Bundle replacing) {
        return BundleCheck.check(file, offers(), CORE, replacing == null ? null : label(replacing));
    }

    /** The capabilities of every resolved bundle, the framework's included. */
    List<Offer> offers() {
        List<Offer> offers = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            String provider = label(bundle);
            for (BundleCapability capability : wiring.getCapabilities(null)) {
                offers.add(new Offer(capability.getNamespace(), capability.getAttributes(), provider));
            }
        }
        return offers;
    }

    /** "symbolic.name 1.2.0", for messages and the audit log. */
    static String label(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    /** What {@link Kind#mayChange()} or {@link Kind#mayStartStop()} refused, in German. */
    String notChangeable(Bundle bundle) {
        Kind kind = kind(bundle);
        if (kind == Kind.DEPLOY) {
            return "Das Modul " + label(bundle) + " kommt aus dem Deploy-Ordner: Aktualisieren oder entfernen Sie "
                    + "dort seine Datei.";
        }
        return label(bundle) + " ist ein " + (kind == Kind.CORE ? "Kernbestandteil" : "Systembestandteil")
                + " des Portals und lässt sich hier nicht stoppen, ändern oder entfernen.";
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
