package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Installs, updates, starts, stops and removes one feature module. Each change first records a rollback point and
 * keeps the file of the version it replaces; a change that fails (the framework refuses the bundle, its activator
 * throws, its route is taken) is undone and its rollback point dropped before the administrator reads the message.
 */
final class ModuleLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleLifecycle.class);

    private final BundleContext context;
    private final BundleInventory inventory;
    private final Archive archive;
    private final RollbackPoints rollbackPoints;
    private final RouteCollisions collisions;
    private final AuditTrail audit;

    ModuleLifecycle(BundleContext context, BundleInventory inventory, Archive archive, RollbackPoints rollbackPoints,
            RouteCollisions collisions, AuditTrail audit) {
        this.context = context;
        this.inventory = inventory;
        this.archive = archive;
        this.rollbackPoints = rollbackPoints;
        this.collisions = collisions;
        this.audit = audit;
    }

    /** Installs and starts a new bundle from a checked upload; undoes everything when it fails. */
    Outcome install(HttpServletRequest request, Path upload) {
        BundleCheck.Result check = inventory.check(upload, null);
        if (!check.passed()) {
            return Outcome.refused(refusal(check));
        }
        if (inventory.bundle(check.symbolicName()) != null) {
            return Outcome.refused("Ein Modul " + check.symbolicName() + " ist bereits installiert. Laden Sie die "
                    + "Datei über „Aktualisieren“ in seiner Zeile hoch.");
        }
        Set<Long> failedBefore = collisions.failedServlets();
        int snapshot = rollbackPoints.snapshot(request, "Vor der Installation von " + check.label());
        Bundle bundle;
        try (InputStream in = Files.newInputStream(upload)) {
            String file = archive.keep(upload, check.symbolicName(), check.version());
            archive.remember(check.symbolicName(), check.version(), file);
            bundle = context.installBundle(BundleInventory.UPLOAD_LOCATION + check.symbolicName(), in);
        } catch (IOException | BundleException | RuntimeException e) {
            rollbackPoints.dropSnapshot(snapshot);
            LOG.warn("Installing {} failed", check.label(), e);
            return Outcome.refused("Das Modul " + check.label() + " ließ sich nicht installieren: " + Texts.reason(e)
                    + " Es hat sich nichts geändert.");
        }
        String failure = start(bundle, failedBefore);
        if (failure != null) {
            uninstallQuietly(bundle);
            rollbackPoints.dropSnapshot(snapshot);
            return Outcome.refused(failure + " Das Modul wurde wieder entfernt; es hat sich nichts geändert.");
        }
        audit.record(request, "Modul installiert", check.label(), "Name: " + check.name());
        return Outcome.done("Das Modul " + check.name() + " (" + check.label() + ") ist installiert und gestartet.");
    }

    /** Replaces an installed module with a checked upload of the same symbolic name; reverts when it fails. */
    Outcome update(HttpServletRequest request, long id, Path upload) {
        Bundle bundle = inventory.bundle(id);
        if (bundle == null) {
            return Outcome.refused("Dieses Modul ist nicht mehr installiert.");
        }
        if (!inventory.kind(bundle).mayChange()) {
            return Outcome.refused(inventory.notChangeable(bundle));
        }
        BundleCheck.Result check = inventory.check(upload, bundle);
        if (!check.passed()) {
            return Outcome.refused(refusal(check));
        }
        if (!check.symbolicName().equals(bundle.getSymbolicName())) {
            return Outcome.refused("Die Datei enthält das Modul " + check.symbolicName() + ", nicht "
                    + bundle.getSymbolicName() + ". Es hat sich nichts geändert.");
        }
        String before = BundleInventory.label(bundle);
        Set<Long> failedBefore = collisions.failedServlets();
        int snapshot = rollbackPoints.snapshot(request, "Vor der Aktualisierung von " + before + " auf "
                + check.version());
        String previousFile;
        try {
            previousFile = archive.archived(bundle);
            String file = archive.keep(upload, check.symbolicName(), check.version());
            archive.remember(check.symbolicName(), check.version(), file);
        } catch (IOException e) {
            rollbackPoints.dropSnapshot(snapshot);
            return Outcome.refused("Die Datei ließ sich nicht ablegen: " + Texts.reason(e)
                    + " Es hat sich nichts geändert.");
        }
        boolean wasActive = bundle.getState() == Bundle.ACTIVE;
        try (InputStream in = Files.newInputStream(upload)) {
            bundle.update(in);
            refresh(context, List.of(bundle));
        } catch (IOException | BundleException | RuntimeException e) {
            rollbackPoints.dropSnapshot(snapshot);
            return Outcome.refused("Das Modul ließ sich nicht aktualisieren: " + Texts.reason(e)
                    + " Es läuft weiter in Version " + bundle.getVersion() + ".");
        }
        String failure = wasActive ? start(bundle, failedBefore) : null;
        if (failure != null) {
            String reverted = revert(bundle, previousFile, wasActive);
            rollbackPoints.dropSnapshot(snapshot);
            return Outcome.refused(failure + " " + reverted);
        }
        audit.record(request, "Modul aktualisiert", bundle.getSymbolicName(),
                "von Version " + versionOf(before) + " auf " + bundle.getVersion());
        return Outcome.done("Das Modul " + bundle.getSymbolicName() + " ist von Version " + versionOf(before)
                + " auf " + bundle.getVersion() + " aktualisiert.");
    }

    Outcome start(HttpServletRequest request, long id) {
        Bundle bundle = inventory.bundle(id);
        if (bundle == null || !inventory.kind(bundle).mayStartStop()) {
            return Outcome.refused(bundle == null ? "Dieses Modul ist nicht mehr installiert."
                    : inventory.notChangeable(bundle));
        }
        String label = BundleInventory.label(bundle);
        if (bundle.getState() == Bundle.ACTIVE) {
            return Outcome.done("Das Modul " + label + " läuft bereits.");
        }
        Set<Long> failedBefore = collisions.failedServlets();
        int snapshot = rollbackPoints.snapshot(request, "Vor dem Start von " + label);
        String failure = start(bundle, failedBefore);
        if (failure != null) {
            stopQuietly(bundle);
            rollbackPoints.dropSnapshot(snapshot);
            return Outcome.refused(failure + " Das Modul bleibt gestoppt.");
        }
        audit.record(request, "Modul gestartet", label, "");
        return Outcome.done("Das Modul " + label + " ist gestartet.");
    }

    Outcome stop(HttpServletRequest request, long id) {
        Bundle bundle = inventory.bundle(id);
        if (bundle == null || !inventory.kind(bundle).mayStartStop()) {
            return Outcome.refused(bundle == null ? "Dieses Modul ist nicht mehr installiert."
                    : inventory.notChangeable(bundle));
        }
        String label = BundleInventory.label(bundle);
        int snapshot = rollbackPoints.snapshot(request, "Vor dem Stopp von " + label);
        try {
            bundle.stop();
        } catch (BundleException | RuntimeException e) {
            rollbackPoints.dropSnapshot(snapshot);
            return Outcome.refused("Das Modul ließ sich nicht stoppen: " + Texts.reason(e));
        }
        audit.record(request, "Modul gestoppt", label, "");
        return Outcome.done("Das Modul " + label + " ist gestoppt. Seine Seiten und Menüeinträge sind "
                + "nicht mehr erreichbar.");
    }

    Outcome uninstall(HttpServletRequest request, long id) {
        Bundle bundle = inventory.bundle(id);
        if (bundle == null) {
            return Outcome.refused("Dieses Modul ist nicht mehr installiert.");
        }
        if (!inventory.kind(bundle).mayChange()) {
            return Outcome.refused(inventory.notChangeable(bundle));
        }
        String label = BundleInventory.label(bundle);
        int snapshot = rollbackPoints.snapshot(request, "Vor dem Entfernen von " + label);
        try {
            archive.archived(bundle);
            bundle.uninstall();
            refresh(context, List.of(bundle));
        } catch (IOException | BundleException | RuntimeException e) {
            rollbackPoints.dropSnapshot(snapshot);
            return Outcome.refused("Das Modul ließ sich nicht entfernen: " + Texts.reason(e));
        }
        audit.record(request, "Modul entfernt", label, "Daten in der Datenbank bleiben erhalten");
        return Outcome.done("Das Modul " + label + " ist entfernt. Seine Daten bleiben in der Datenbank und sind "
                + "nach einer erneuten Installation wieder da.");
    }

    /**
     * Starts a bundle and waits, briefly, for its servlets to reach the whiteboard; returns the German reason when
     * it does not start or one of its routes collides with a route another module already serves.
     */
    private String start(Bundle bundle, Set<Long> failedBefore) {
        try {
            bundle.start();
        } catch (BundleException e) {
            if (e.getType() == BundleException.RESOLVE_ERROR) {
                return "Das Modul lässt sich nicht auflösen: " + Texts.reason(e);
            }
            if (e.getType() == BundleException.ACTIVATOR_ERROR) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return "Das Modul ließ sich nicht starten: Seine Startklasse meldet einen Fehler (" + cause.getClass()
                        .getSimpleName() + ": " + Texts.printable(cause.getMessage()) + ").";
            }
            return "Das Modul ließ sich nicht starten: " + Texts.reason(e);
        } catch (RuntimeException e) {
            return "Das Modul ließ sich nicht starten: " + Texts.reason(e);
        }
        return collisions.collision(bundle, failedBefore);
    }

    private String revert(Bundle bundle, String previousFile, boolean wasActive) {
        Path file = archive.file(previousFile);
        if (file == null) {
            stopQuietly(bundle);
            return "Die vorige Version liegt nicht vor; das Modul bleibt gestoppt.";
        }
        try (InputStream in = Files.newInputStream(file)) {
            bundle.update(in);
            refresh(context, List.of(bundle));
            if (wasActive) {
                bundle.start();
            }
            return "Die vorige Version " + bundle.getVersion() + " läuft wieder; es hat sich nichts geändert.";
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("Reverting {} failed", bundle, e);
            return "Auch die vorige Version ließ sich nicht wieder starten: " + Texts.reason(e);
        }
    }

    private void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
            refresh(context, List.of(bundle));
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
    static void refresh(BundleContext context, Collection<Bundle> bundles) {
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

    /** The page's message for a file that failed the check. */
    static String refusal(BundleCheck.Result check) {
        return "Die Datei wird nicht installiert: " + String.join(" ", check.problems()) + " Es hat sich nichts geändert.";
    }

    private static String versionOf(String label) {
        return label.substring(label.lastIndexOf(' ') + 1);
    }
}
