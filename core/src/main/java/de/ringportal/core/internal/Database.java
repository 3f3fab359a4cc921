package de.ringportal.core.internal;

import java.nio.file.Path;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The portal's one pooled {@link DataSource}: HikariCP over an embedded Derby database in the data directory. The
 * database is opened in the background ({@link DatabaseStartup}), waiting as long as Derby's crash recovery or
 * another process holding it takes; the DataSource service is registered only once a connection works, so every
 * component that needs it starts then. Until then {@link #status()} says why it is missing. Deactivating closes the
 * pool and shuts Derby down cleanly, so the next start needs no recovery.
 */
@Component(service = Database.class, immediate = true)
@Designate(ocd = Database.Config.class)
public class Database {

    /** How long deactivation waits for an attempt under way (Derby may be in its recovery) before shutting down. */
    private static final long STOP_WAIT_MILLIS = 30_000;

    @ObjectClassDefinition(name = "Ringportal: Datenbank",
            description = "Die eingebettete Derby-Datenbank des Portals und ihr Verbindungspool.")
    public @interface Config {

        @AttributeDefinition(name = "Verbindungen höchstens",
                description = "So viele Datenbankverbindungen hält der Pool höchstens gleichzeitig offen.", min = "1")
        int maximumPoolSize() default 10;

        @AttributeDefinition(name = "Wartezeit auf eine Verbindung (ms)",
                description = "So lange wartet eine Anfrage höchstens auf eine freie Verbindung, bevor sie scheitert."
                        + " Der Start wartet auf die Datenbank dagegen so lange wie nötig.",
                min = "250")
        long connectionTimeout() default 10_000;
    }

    /** Whether the database is open and, when it is not, why (in German). */
    public record Status(boolean up, String reason) {

        /**
         * The portal's database as the pages see it: whichever DataSource is registered, unless this component
         * (when it is there) is still starting.
         */
        static Status of(Database component, DataSource registered) {
            Status own = component == null ? null : component.status();
            if (own != null && !own.up()) {
                return own;
            }
            return registered == null ? new Status(false, "Die Datenbank ist nicht verfügbar.") : new Status(true, null);
        }
    }

    private final BundleContext context;
    private final Path directory;
    private final DatabaseStartup startup;
    private final Thread starter;
    private final Object lock = new Object();
    private boolean closed;
    private HikariDataSource pool;
    private ServiceRegistration<DataSource> registration;

    @Activate
    public Database(BundleContext context, Config config) {
        this.context = context;
        this.directory = DerbyPool.databaseDirectory(context);
        this.startup = new DatabaseStartup(directory, () -> DerbyPool.open(directory, config), this::register);
        this.starter = new Thread(startup, "ringportal-database-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * UP once the DataSource service is registered and the components it activated (on the registering thread, with
     * their migrations) have started; until then what the start is waiting for.
     */
    public Status status() {
        synchronized (lock) {
            if (registration != null) {
                return new Status(true, null);
            }
        }
        return new Status(false, startup.reason());
    }

    /** Registers the open pool as the portal's DataSource, unless deactivated meanwhile. */
    private boolean register(HikariDataSource opened) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            pool = opened;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("ringportal.database", "derby");
        // Outside the lock: registering activates every component that needs the DataSource, on this thread.
        ServiceRegistration<DataSource> registered;
        try {
            registered = context.registerService(DataSource.class, opened, properties);
        } catch (IllegalStateException bundleStopped) {
            return false;
        }
        synchronized (lock) {
            if (!closed) {
                registration = registered;
                return true;
            }
        }
        registered.unregister();
        return true; // deactivate has closed the pool, or will
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (lock) {
            closed = true;
        }
        startup.stop();
        starter.join(STOP_WAIT_MILLIS);
        ServiceRegistration<DataSource> registered;
        HikariDataSource opened;
        synchronized (lock) {
            registered = registration;
            opened = pool;
            registration = null;
        }
        if (registered != null) {
            registered.unregister();
        }
        if (opened != null) {
            opened.close();
            DerbyPool.shutDown(directory);
        } else {
            DerbyPool.shutDownEngine();
        }
    }
}
