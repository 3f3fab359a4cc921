package de.ringportal.admin.internal;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.ModuleSchema;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Installs, updates, starts, stops and removes feature bundles for the Erweiterungen page, one change at a time.
 * Before each change it records the installed modules as a rollback point and keeps the file of every version it
 * replaces; after each change it refreshes the framework's wiring, so a removed bundle's class loader can go, and
 * writes the audit log. A change that fails (the framework refuses the bundle, its activator throws, its route is
 * taken) is undone before the administrator reads the message.
 *
 * <p>The work is done by its parts: {@link BundleInventory} (what is installed), {@link ModuleLifecycle} (the
 * changes), {@link RollbackPoints} (recording and returning), {@link RouteCollisions} and {@link Archive}. This
 * component wires them and keeps the changes apart from each other.
 */
@Component(service = Extensions.class)
public class Extensions {

    private final Archive archive;
    private final BundleInventory inventory;
    private final RollbackPoints rollbackPoints;
    private final ModuleLifecycle lifecycle;

    @Activate
    public Extensions(BundleContext context, @Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=admin)") ModuleSchema schema,
            @Reference AuditTrail audit, @Reference Access access, @Reference HttpServiceRuntime runtime)
            throws IOException {
        String dataDir = context.getProperty("ringportal.data.dir");
        this.archive = new Archive(dataDir == null ? context.getDataFile("bundles").toPath()
                : Path.of(dataDir, "admin", "bundles"), dataSource);
        this.inventory = new BundleInventory(context);
        this.rollbackPoints = new RollbackPoints(context, dataSource, inventory, archive, audit, access);
        this.lifecycle = new ModuleLifecycle(context, inventory, archive, rollbackPoints,
                new RouteCollisions(runtime), audit);
    }

    Archive archive() {
        return archive;
    }

    BundleInventory inventory() {
        return inventory;
    }

    /** For reading the newest point and its plan; {@link #rollback} is the change. */
    RollbackPoints rollbackPoints() {
        return rollbackPoints;
    }

    synchronized Outcome install(HttpServletRequest request, Path upload) {
        return lifecycle.install(request, upload);
    }

    synchronized Outcome update(HttpServletRequest request, long id, Path upload) {
        return lifecycle.update(request, id, upload);
    }

    synchronized Outcome start(HttpServletRequest request, long id) {
        return lifecycle.start(request, id);
    }

    synchronized Outcome stop(HttpServletRequest request, long id) {
        return lifecycle.stop(request, id);
    }

    synchronized Outcome uninstall(HttpServletRequest request, long id) {
        return lifecycle.uninstall(request, id);
    }

    synchronized Outcome rollback(HttpServletRequest request, int snapshotId) {
        return rollbackPoints.rollback(request, snapshotId);
    }
}
