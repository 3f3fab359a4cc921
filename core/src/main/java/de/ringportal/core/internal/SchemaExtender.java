package de.ringportal.core.internal;

import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.ModuleSchema;

/**
 * Migrates the schema of every active bundle that declares {@value ModuleSchema#HEADER}, with Flyway, and then
 * registers {@link ModuleSchema} in that bundle's name. Each module has its own history table
 * ({@code schema_history_<name>}, with version and checksum of each script) and all its pending scripts run in one
 * transaction: a failing script leaves the module's tables as they were and its components unsatisfied.
 */
@Component(service = SchemaExtender.class, immediate = true)
public class SchemaExtender {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private final DataSource dataSource;
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final BundleTracker<Tracked> tracker;

    @Activate
    public SchemaExtender(BundleContext context, @Reference DataSource dataSource) {
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Customizer());
        // started only for a backup or restore command: the schemas stay as they are (a restore migrates them itself)
        if (!Boolean.parseBoolean(context.getProperty(de.ringportal.core.backup.internal.BackupService.MAINTENANCE))) {
            tracker.open();
        }
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** Schema name to "OK" with its version, or "FAILED" with the reason, for the health page. */
    public Map<String, String> states() {
        return new TreeMap<>(states);
    }

    private final class Customizer implements BundleTrackerCustomizer<Tracked> {

        @Override
        public Tracked addingBundle(Bundle bundle, BundleEvent event) {
            String name = bundle.getHeaders("").get(ModuleSchema.HEADER);
            if (name == null) {
                return null;
            }
            if (!NAME.matcher(name).matches()) {
                LOG.error("Bundle {} stays inactive: its schema name '{}' is not a lower-case identifier",
                        bundle.getSymbolicName(), name);
                states.put(name, "FAILED: invalid schema name");
                return new Tracked(name, null);
            }
            try {
                String version = ModuleMigration.migrate(dataSource, ScriptFolder.of(bundle), name);
                states.put(name, "OK: version " + version);
                Schema schema = new Schema(name, version);
                return new Tracked(name, bundle.getBundleContext().registerService(ModuleSchema.class, schema,
                        new Hashtable<>(Map.of(ModuleSchema.NAME, name, "ringportal.schema.version", version))));
            } catch (FlywayException | IllegalStateException e) {
                LOG.error("Module {} stays inactive: migration of schema '{}' failed and was rolled back: {}",
                        bundle.getSymbolicName(), name, e.getMessage());
                states.put(name, "FAILED: " + firstLine(e.getMessage()));
                return new Tracked(name, null);
            }
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
            // nothing changes while the bundle stays active
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
            states.remove(tracked.name());
            if (tracked.registration() != null) {
                try {
                    tracked.registration().unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregistered it when the bundle stopped
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    /** A module bundle's schema name and, when its migration succeeded, its service registration. */
    record Tracked(String name, ServiceRegistration<ModuleSchema> registration) {
    }

    /** The service object registered for a migrated module. */
    record Schema(String name, String version) implements ModuleSchema {
    }
}
