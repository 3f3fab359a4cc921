package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.DTOConstants;
import org.osgi.service.servlet.runtime.dto.FailedServletDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.ModuleSchema;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Installs, updates, starts, stops and removes feature bundles for the Erweiterungen page, one change at a time.
 * Before each change it records the installed modules as a rollback point and keeps the file of every version it
 * replaces; after each change it refreshes the framework's wiring, so a removed bundle's class loader can go, and
 * writes the audit log. A change that fails (the framework refuses the bundle, its activator throws, its route is
 * taken) is undone before the administrator reads the message.
 */
@Component(service = Extensions.class)
public class Extensions {

    private static final Logger LOG = LoggerFactory.getLogger(Extensions.class);

    /** The portal's core, accounts and this bundle: not stopped, updated or removed from the page. */
    static final Set<String> CORE = Set.of("de.ringportal.core", "de.ringportal.auth", "de.ringportal.admin");
    /** Location of bundles installed from the page: stable across versions, like the launcher's own. */
    static final String UPLOAD_LOCATION = "ringportal:upload:";
    private static final long SETTLE_MILLIS = 3_000;
    static final int KEPT_SNAPSHOTS = 100;

    private final BundleContext context;
    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Access access;
    private final HttpServiceRuntime runtime;
    private final Archive archive;
    private final Path deployFolder;

    @Activate
    public Extensions(BundleContext context, @Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=admin)") ModuleSchema schema,
            @Reference AuditTrail audit, @Reference Access access, @Reference HttpServiceRuntime runtime)
            throws IOException {
        this.context = context;
        this.dataSource = dataSource;
        this.audit = audit;
        this.access = access;
        this.runtime = runtime;
        String dataDir = context.getProperty("ringportal.data.dir");
        this.archive = new Archive(dataDir == null ? context.getDataFile("bundles").toPath()
                : Path.of(dataDir, "admin", "bundles"));
        String deploy = context.getProperty("felix.fileinstall.dir");
        this.deployFolder = deploy == null ? null : Path.of(deploy).toAbsolutePath().normalize();
    }

    Archive archive() {
        return archive;
    }

    // ---------------------------------------------------------------------------------------------- reading

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
        }).thenComparing(row -> row.name().toLowerCase(java.util.Locale.ROOT)));
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
            return Path.of(java.net.URI.create(location)).toAbsolutePath().normalize().startsWith(deployFolder);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
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

    private static String label(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    // ---------------------------------------------------------------------------------------------- changes

    /** Installs and starts a new bundle from a checked upload; undoes everything when it fails. */
    synchronized Outcome install(HttpServletRequest request, Path upload) {
        BundleCheck.Result check = check(upload, null);
        if (!check.passed()) {
            return Outcome.refused(refusal(check));
        }
        if (bundle(check.symbolicName()) != null) {
            return Outcome.refused("Ein Modul " + check.symbolicName() + " ist bereits installiert. Laden Sie die "
                    + "Datei über „Aktualisieren“ in seiner Zeile hoch.");
        }
        Set<Long> failedBefore = failedServlets();
        int snapshot = snapshot(request, "Vor der Installation von " + check.label());
        Bundle bundle;
        try (InputStream in = Files.newInputStream(upload)) {
            String file = archive.keep(upload, check.symbolicName(), check.version());
            remember(check.symbolicName(), check.version(), file);
            bundle = context.installBundle(UPLOAD_LOCATION + check.symbolicName(), in);
        } catch (IOException | BundleException | RuntimeException e) {
            dropSnapshot(snapshot);
            LOG.warn("Installing {} failed", check.label(), e);
            return Outcome.refused("Das Modul " + check.label() + " ließ sich nicht installieren: " + reason(e)
                    + " Es hat sich nichts geändert.");
        }
        String failure = start(bundle, failedBefore);
        if (failure != null) {
            uninstallQuietly(bundle);
            dropSnapshot(snapshot);
            return Outcome.refused(failure + " Das Modul wurde wieder entfernt; es hat sich nichts geändert.");
        }
        audit.record(request, "Modul installiert", check.label(), "Name: " + check.name());
        return Outcome.done("Das Modul " + check.name() + " (" + check.label() + ") ist installiert und gestartet.");
    }

    /** Replaces an installed module with a checked upload of the same symbolic name; reverts when it fails. */
    synchronized Outcome update(HttpServletRequest request, long id, Path upload) {
        Bundle bundle = bundle(id);
        if (bundle == null) {
            return Outcome.refused("Dieses Modul ist nicht mehr installiert.");
        }
        if (!kind(bundle).mayChange()) {
            return Outcome.refused(notChangeable(bundle));
        }
        BundleCheck.Result check = check(upload, bundle);
        if (!check.passed()) {
            return Outcome.refused(refusal(check));
        }
        if (!check.symbolicName().equals(bundle.getSymbolicName())) {
            return Outcome.refused("Die Datei enthält das Modul " + check.symbolicName() + ", nicht "
                    + bundle.getSymbolicName() + ". Es hat sich nichts geändert.");
        }
        String before = label(bundle);
        Set<Long> failedBefore = failedServlets();
        int snapshot = snapshot(request, "Vor der Aktualisierung von " + before + " auf " + check.version());
        String previousFile;
        try {
            previousFile = archived(bundle);
            String file = archive.keep(upload, check.symbolicName(), check.version());
            remember(check.symbolicName(), check.version(), file);
        } catch (IOException e) {
            dropSnapshot(snapshot);
            return Outcome.refused("Die Datei ließ sich nicht ablegen: " + reason(e) + " Es hat sich nichts geändert.");
        }
        boolean wasActive = bundle.getState() == Bundle.ACTIVE;
        try (InputStream in = Files.newInputStream(upload)) {
            bundle.update(in);
            refresh(List.of(bundle));
        } catch (IOException | BundleException | RuntimeException e) {
            dropSnapshot(snapshot);
            return Outcome.refused("Das Modul ließ sich nicht aktualisieren: " + reason(e)
                    + " Es läuft weiter in Version " + bundle.getVersion() + ".");
        }
        String failure = wasActive ? start(bundle, failedBefore) : null;
        if (failure != null) {
            String reverted = revert(bundle, previousFile, wasActive);
            dropSnapshot(snapshot);
            return Outcome.refused(failure + " " + reverted);
        }
        audit.record(request, "Modul aktualisiert", bundle.getSymbolicName(),
                "von Version " + versionOf(before) + " auf " + bundle.getVersion());
        return Outcome.done("Das Modul " + bundle.getSymbolicName() + " ist von Version " + versionOf(before)
                + " auf " + bundle.getVersion() + " aktualisiert.");
    }

    synchronized Outcome start(HttpServletRequest request, long id) {
        Bundle bundle = bundle(id);
        if (bundle == null || !kind(bundle).mayStartStop()) {
            return Outcome.refused(bundle == null ? "Dieses Modul ist nicht mehr installiert." : notChangeable(bundle));
        }
        if (bundle.getState() == Bundle.ACTIVE) {
            return Outcome.done("Das Modul " + label(bundle) + " läuft bereits.");
        }
        Set<Long> failedBefore = failedServlets();
        int snapshot = snapshot(request, "Vor dem Start von " + label(bundle));
        String failure = start(bundle, failedBefore);
        if (failure != null) {
            stopQuietly(bundle);
            dropSnapshot(snapshot);
            return Outcome.refused(failure + " Das Modul bleibt gestoppt.");
        }
        audit.record(request, "Modul gestartet", label(bundle), "");
        return Outcome.done("Das Modul " + label(bundle) + " ist gestartet.");
    }

    synchronized Outcome stop(HttpServletRequest request, long id) {
        Bundle bundle = bundle(id);
        if (bundle == null || !kind(bundle).mayStartStop()) {
            return Outcome.refused(bundle == null ? "Dieses Modul ist nicht mehr installiert." : notChangeable(bundle));
        }
        int snapshot = snapshot(request, "Vor dem Stopp von " + label(bundle));
        try {
            bundle.stop();
        } catch (BundleException | RuntimeException e) {
            dropSnapshot(snapshot);
            return Outcome.refused("Das Modul ließ sich nicht stoppen: " + reason(e));
        }
        audit.record(request, "Modul gestoppt", label(bundle), "");
        return Outcome.done("Das Modul " + label(bundle) + " ist gestoppt. Seine Seiten und Menüeinträge sind "
                + "nicht mehr erreichbar.");
    }

    synchronized Outcome uninstall(HttpServletRequest request, long id) {
        Bundle bundle = bundle(id);
        if (bundle == null) {
            return Outcome.refused("Dieses Modul ist nicht mehr installiert.");
        }
        if (!kind(bundle).mayChange()) {
            return Outcome.refused(notChangeable(bundle));
        }
        String label = label(bundle);
        int snapshot = snapshot(request, "Vor dem Entfernen von " + label);
        try {
            archived(bundle);
            bundle.uninstall();
            refresh(List.of(bundle));
        } catch (IOException | BundleException | RuntimeException e) {
            dropSnapshot(snapshot);
            return Outcome.refused("Das Modul ließ sich nicht entfernen: " + reason(e));
        }
        audit.record(request, "Modul entfernt", label, "Daten in der Datenbank bleiben erhalten");
        return Outcome.done("Das Modul " + label + " ist entfernt. Seine Daten bleiben in der Datenbank und sind "
                + "nach einer erneuten Installation wieder da.");
    }

    // ---------------------------------------------------------------------------------------------- rollback

    /** One bundle in a rollback point. */
    record Recorded(String symbolicName, String version, String location, boolean active, String file) {
    }

    /** The newest rollback point. */
    record Snapshot(int id, Instant takenAt, String actor, String reason, List<Recorded> bundles) {
    }

    /** The newest rollback point, or null when there is none. */
    Snapshot latestSnapshot() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, taken_at, actor, reason FROM "
                        + "admin_snapshot ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                int id = row.getInt(1);
                List<Recorded> bundles = new ArrayList<>();
                try (PreparedStatement members = connection.prepareStatement("SELECT symbolic_name, version, "
                        + "location, active, archive_file FROM admin_snapshot_bundle WHERE snapshot_id = ? "
                        + "ORDER BY symbolic_name")) {
                    members.setInt(1, id);
                    try (ResultSet rows = members.executeQuery()) {
                        while (rows.next()) {
                            bundles.add(new Recorded(rows.getString(1), rows.getString(2), rows.getString(3),
                                    rows.getBoolean(4), rows.getString(5)));
                        }
                    }
                }
                return new Snapshot(id, row.getTimestamp(2).toInstant(), row.getString(3), row.getString(4), bundles);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rollback points", e);
        }
    }

    /** What returning to the rollback point would change, one German line per module; empty when nothing. */
    List<String> rollbackPlan(Snapshot snapshot) {
        List<String> plan = new ArrayList<>();
        Map<String, Recorded> wanted = new LinkedHashMap<>();
        snapshot.bundles().forEach(recorded -> wanted.put(recorded.symbolicName(), recorded));
        for (Bundle bundle : context.getBundles()) {
            if (kind(bundle) == Kind.MODULE && !wanted.containsKey(bundle.getSymbolicName())) {
                plan.add(label(bundle) + " wird entfernt.");
            }
        }
        for (Recorded recorded : wanted.values()) {
            Bundle bundle = bundle(recorded.symbolicName());
            String target = recorded.symbolicName() + " " + recorded.version();
            if (bundle == null) {
                plan.add(target + " wird wieder installiert" + (recorded.active() ? " und gestartet." : "."));
            } else if (!bundle.getVersion().toString().equals(recorded.version())) {
                plan.add(label(bundle) + " wird auf Version " + recorded.version() + " zurückgesetzt.");
            } else if (recorded.active() && bundle.getState() != Bundle.ACTIVE) {
                plan.add(target + " wird wieder gestartet.");
            } else if (!recorded.active() && bundle.getState() == Bundle.ACTIVE) {
                plan.add(target + " wird wieder gestoppt.");
            }
        }
        return plan;
    }

    /** Returns to the newest rollback point and drops it, so the next rollback goes one step further back. */
    synchronized Outcome rollback(HttpServletRequest request, int snapshotId) {
        Snapshot snapshot = latestSnapshot();
        if (snapshot == null || snapshot.id() != snapshotId) {
            return Outcome.refused("Dieser Stand ist nicht mehr der letzte; bitte prüfen Sie die Vorschau erneut.");
        }
        List<String> plan = rollbackPlan(snapshot);
        List<String> problems = new ArrayList<>();
        Map<String, Recorded> wanted = new LinkedHashMap<>();
        snapshot.bundles().forEach(recorded -> wanted.put(recorded.symbolicName(), recorded));
        List<Bundle> changed = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (kind(bundle) == Kind.MODULE && !wanted.containsKey(bundle.getSymbolicName())) {
                try {
                    archived(bundle);
                    bundle.uninstall();
                    changed.add(bundle);
                } catch (IOException | BundleException | RuntimeException e) {
                    problems.add(label(bundle) + ": " + reason(e));
                }
            }
        }
        for (Recorded recorded : wanted.values()) {
            Bundle bundle = bundle(recorded.symbolicName());
            try {
                boolean sameVersion = bundle != null && bundle.getVersion().toString().equals(recorded.version());
                if (!sameVersion) {
                    Path file = archive.file(recorded.file());
                    if (file == null) {
                        problems.add(recorded.symbolicName() + " " + recorded.version()
                                + ": die Datei dieser Version liegt nicht mehr vor");
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        if (bundle == null) {
                            bundle = context.installBundle(recorded.location(), in);
                        } else {
                            bundle.update(in);
                        }
                    }
                    changed.add(bundle);
                }
            } catch (IOException | BundleException | RuntimeException e) {
                problems.add(recorded.symbolicName() + ": " + reason(e));
            }
        }
        refresh(changed);
        for (Recorded recorded : wanted.values()) {
            Bundle bundle = bundle(recorded.symbolicName());
            try {
                if (bundle != null && recorded.active() && bundle.getState() != Bundle.ACTIVE) {
                    bundle.start();
                } else if (bundle != null && !recorded.active() && bundle.getState() == Bundle.ACTIVE) {
                    bundle.stop();
                }
            } catch (BundleException | RuntimeException e) {
                problems.add(recorded.symbolicName() + ": " + reason(e));
            }
        }
        dropSnapshot(snapshot.id());
        String stand = "Stand vom " + Texts.time(snapshot.takenAt());
        audit.record(request, "Zurückgesetzt auf vorherigen Stand", stand, String.join(" ", plan)
                + (problems.isEmpty() ? "" : " Probleme: " + String.join("; ", problems)));
        if (!problems.isEmpty()) {
            return Outcome.refused("Der " + stand + " ist nur teilweise wiederhergestellt: "
                    + String.join("; ", problems) + ".");
        }
        return Outcome.done("Der " + stand + " ist wiederhergestellt. " + String.join(" ", plan));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * Starts a bundle and waits, briefly, for its servlets to reach the whiteboard; returns the German reason when
     * it does not start or one of its routes collides with a route another module already serves.
     */
    private String start(Bundle bundle, Set<Long> failedBefore) {
        try {
            bundle.start();
        } catch (BundleException e) {
            if (e.getType() == BundleException.RESOLVE_ERROR) {
                return "Das Modul lässt sich nicht auflösen: " + reason(e);
            }
            if (e.getType() == BundleException.ACTIVATOR_ERROR) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return "Das Modul ließ sich nicht starten: Seine Startklasse meldet einen Fehler (" + cause.getClass()
                        .getSimpleName() + ": " + Texts.printable(cause.getMessage()) + ").";
            }
            return "Das Modul ließ sich nicht starten: " + reason(e);
        } catch (RuntimeException e) {
            return "Das Modul ließ sich nicht starten: " + reason(e);
        }
        return collision(bundle, failedBefore);
    }

    private String collision(Bundle bundle, Set<Long> failedBefore) {
        // Declarative Services may register the servlets a little later (after the module's schema is migrated)
        boolean components = bundle.getHeaders("").get("Service-Component") != null;
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (true) {
            List<String> taken = new ArrayList<>();
            Set<Long> failedNow = new HashSet<>();
            for (FailedServletDTO failed : runtime.getRuntimeDTO().failedServletDTOs) {
                failedNow.add(failed.serviceId);
                if (failed.failureReason == DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE
                        && !failedBefore.contains(failed.serviceId)) {
                    taken.addAll(Arrays.asList(failed.patterns));
                }
            }
            if (!taken.isEmpty()) {
                return "Das Modul beansprucht die Adresse " + String.join(", ", taken.stream().map(pattern ->
                        pattern.isEmpty() ? "/" : pattern).toList()) + ", die schon ein anderes Modul bedient.";
            }
            Set<Long> servlets = servletServices(bundle);
            Set<Long> settled = served();
            settled.addAll(failedNow);
            if (servlets.isEmpty() ? !components : settled.containsAll(servlets)) {
                return null;
            }
            if (System.currentTimeMillis() > deadline) {
                return null;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static Set<Long> servletServices(Bundle bundle) {
        Set<Long> ids = new HashSet<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                if (reference.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN) != null) {
                    ids.add((Long) reference.getProperty(Constants.SERVICE_ID));
                }
            }
        }
        return ids;
    }

    private Set<Long> served() {
        Set<Long> ids = new HashSet<>();
        for (ServletContextDTO servletContext : runtime.getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : servletContext.servletDTOs) {
                ids.add(servlet.serviceId);
            }
        }
        return ids;
    }

    private Set<Long> failedServlets() {
        Set<Long> ids = new HashSet<>();
        for (FailedServletDTO failed : runtime.getRuntimeDTO().failedServletDTOs) {
            ids.add(failed.serviceId);
        }
        return ids;
    }

    private String revert(Bundle bundle, String previousFile, boolean wasActive) {
        Path file = archive.file(previousFile);
        if (file == null) {
            stopQuietly(bundle);
            return "Die vorige Version liegt nicht vor; das Modul bleibt gestoppt.";
        }
        try (InputStream in = Files.newInputStream(file)) {
            bundle.update(in);
            refresh(List.of(bundle));
            if (wasActive) {
                bundle.start();
            }
            return "Die vorige Version " + bundle.getVersion() + " läuft wieder; es hat sich nichts geändert.";
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("Reverting {} failed", bundle, e);
            return "Auch die vorige Version ließ sich nicht wieder starten: " + reason(e);
        }
    }

    private void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
            refresh(List.of(bundle));
        } catch (BundleException | RuntimeException e) {
            LOG.error("Could not remove the failed bundle {}", bundle, e);
        }
    }

    private static void stopQuietly(Bundle bundle) {
        try {
            bundle.stop();
        } catch (BundleException | RuntimeException e) {
            LOG.warn("Could not stop {}", bundle, e);
        }
    }

    /**
     * Refreshes the wiring of the changed bundles (and drops the revisions of removed ones, so their class loaders
     * can be collected); waits for the framework to finish.
     */
    private void refresh(Collection<Bundle> bundles) {
        if (bundles.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(bundles,
                event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                        done.countDown();
                    }
                });
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                LOG.warn("Refreshing {} took more than 60 s", bundles);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The archived file of the bundle's current version, written now from the bundle if there is none yet. */
    private String archived(Bundle bundle) throws IOException {
        String known = fileOf(bundle.getSymbolicName(), bundle.getVersion());
        if (known != null && archive.file(known) != null) {
            return known;
        }
        String file = archive.repack(bundle);
        remember(bundle.getSymbolicName(), bundle.getVersion(), file);
        return file;
    }

    private String fileOf(String symbolicName, Version version) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT archive_file FROM admin_archive "
                        + "WHERE symbolic_name = ? AND version = ?")) {
            select.setString(1, symbolicName);
            select.setString(2, version.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the archive index", e);
        }
    }

    private void remember(String symbolicName, Version version, String file) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM admin_archive WHERE "
                    + "symbolic_name = ? AND version = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_archive (symbolic_name, "
                            + "version, archive_file) VALUES (?, ?, ?)")) {
                delete.setString(1, symbolicName);
                delete.setString(2, version.toString());
                delete.executeUpdate();
                insert.setString(1, symbolicName);
                insert.setString(2, version.toString());
                insert.setString(3, file);
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the archive index", e);
        }
    }

    /** Records the installed feature modules as a rollback point; returns its id. */
    private int snapshot(HttpServletRequest request, String reason) {
        String actor = access.viewer(request).userName();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO admin_snapshot (taken_at, "
                    + "actor, reason) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement member = connection.prepareStatement("INSERT INTO admin_snapshot_bundle "
                            + "(snapshot_id, symbolic_name, version, location, active, archive_file) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.setString(2, Texts.cut(actor, 64));
                insert.setString(3, Texts.cut(reason, 300));
                insert.executeUpdate();
                int id;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getInt(1);
                }
                Set<String> seen = new HashSet<>();
                for (Bundle bundle : context.getBundles()) {
                    if (kind(bundle) != Kind.MODULE || !seen.add(bundle.getSymbolicName())) {
                        continue;
                    }
                    member.setInt(1, id);
                    member.setString(2, bundle.getSymbolicName());
                    member.setString(3, bundle.getVersion().toString());
                    member.setString(4, bundle.getLocation());
                    member.setBoolean(5, bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING);
                    member.setString(6, fileOf(bundle.getSymbolicName(), bundle.getVersion()));
                    member.addBatch();
                }
                member.executeBatch();
                prune(connection, id - KEPT_SNAPSHOTS);
                connection.commit();
                return id;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a rollback point", e);
        }
    }

    /** Rollback points older than the newest {@value #KEPT_SNAPSHOTS} go: a rollback steps back one at a time. */
    private static void prune(Connection connection, int upTo) throws SQLException {
        if (upTo <= 0) {
            return;
        }
        try (PreparedStatement members = connection.prepareStatement("DELETE FROM admin_snapshot_bundle WHERE "
                + "snapshot_id <= ?");
                PreparedStatement snapshots = connection.prepareStatement("DELETE FROM admin_snapshot WHERE id <= ?")) {
            members.setInt(1, upTo);
            members.executeUpdate();
            snapshots.setInt(1, upTo);
            snapshots.executeUpdate();
        }
    }

    private void dropSnapshot(int id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement members = connection.prepareStatement("DELETE FROM admin_snapshot_bundle WHERE "
                    + "snapshot_id = ?");
                    PreparedStatement snapshot = connection.prepareStatement("DELETE FROM admin_snapshot WHERE id = ?")) {
                members.setInt(1, id);
                members.executeUpdate();
                snapshot.setInt(1, id);
                snapshot.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.error("Cannot drop rollback point {}", id, e);
        }
    }

    static String refusal(BundleCheck.Result check) {
        return "Die Datei wird nicht installiert: " + String.join(" ", check.problems()) + " Es hat sich nichts geändert.";
    }

    private String notChangeable(Bundle bundle) {
        Kind kind = kind(bundle);
        if (kind == Kind.DEPLOY) {
            return "Das Modul " + label(bundle) + " kommt aus dem Deploy-Ordner: Aktualisieren oder entfernen Sie "
                    + "dort seine Datei.";
        }
        return label(bundle) + " ist ein " + (kind == Kind.CORE ? "Kernbestandteil" : "Systembestandteil")
                + " des Portals und lässt sich hier nicht stoppen, ändern oder entfernen.";
    }

    private static String versionOf(String label) {
        return label.substring(label.lastIndexOf(' ') + 1);
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : Texts.printable(message) + ".";
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
