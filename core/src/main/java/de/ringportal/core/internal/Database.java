package de.ringportal.core.internal;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The portal's one pooled {@link DataSource}: HikariCP over an embedded Derby database in the data directory or,
 * when the launcher passes a {@code jdbc:postgresql:} URL ({@link DatabaseSettings}), over a PostgreSQL server. The
 * database is opened in the background ({@link DatabaseStartup}), waiting as long as Derby's crash recovery or
 * another process holding it takes (a PostgreSQL server: {@link PostgresPool#PATIENCE}, and not at all for a refused
 * login); the DataSource service is registered only once a connection works, so every component that needs it starts
 * then. Until then {@link #status()} says why it is missing; once a PostgreSQL server goes away, it says so until the
 * {@link ConnectionWatch} finds it back. Deactivating closes the pool and shuts Derby down cleanly, so the next start
 * needs no recovery.
 */
@Component(service = Database.class, immediate = true)
@Designate(ocd = Database.Config.class)
public class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** How long deactivation waits for an attempt under way (Derby may be in its recovery) before shutting down. */
    private static final long STOP_WAIT_MILLIS = 30_000;

    @ObjectClassDefinition(name = "Ringportal: Datenbank",
            description = "Der Verbindungspool zur Datenbank des Portals (eingebettetes Derby oder PostgreSQL; welche,"
                    + " bestimmen die Startoptionen --db-url und --db-user).")
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

    /**
     * Whether the database is open and, when it is not, why (in German); {@code fatal} when the start has given up
     * (the launcher then ends), {@code lost} when the server went away while the portal ran.
     */
    public record Status(boolean up, String reason, boolean fatal, boolean lost) {

        static final Status UP = new Status(true, null, false, false);

        /**
         * The portal's database as the pages see it: whichever DataSource is registered, unless this component
         * (when it is there) is still starting or has lost its server.
         */
        static Status of(Database component, DataSource registered) {
            Status own = component == null ? null : component.status();
            if (own != null && !own.up()) {
                return own;
            }
            return registered == null ? new Status(false, "Die Datenbank ist nicht verfügbar.", false, false) : UP;
        }
    }

    private final BundleContext context;
    private final DatabaseBackend backend;
    private final String unsupported;
    private final DatabaseStartup startup;
    private final Thread starter;
    private final Object lock = new Object();
    private boolean closed;
    private HikariDataSource pool;
    private ServiceRegistration<DataSource> registration;
    private ConnectionWatch watch;

    @Activate
    public Database(BundleContext context, Config config) {
        this.context = context;
        DatabaseSettings settings = DatabaseSettings.of(context);
        this.backend = settings.postgres() ? new PostgresPool(settings, config)
                : DerbyPool.backend(settings.derbyDirectory(), config);
        this.unsupported = settings.unsupported();
        this.startup = new DatabaseStartup(backend, this::register);
        this.starter = new Thread(startup, "ringportal-database-start");
        starter.setDaemon(true);
        if (unsupported == null) {
            starter.start();
        } else {
            LOG.error("Datenbank nicht verfügbar, das Portal startet nicht: {}", unsupported);
        }
    }

    /**
     * UP once the DataSource service is registered and the components it activated (on the registering thread, with
     * their migrations) have started; until then what the start is waiting for.
     */
    public Status status() {
        if (unsupported != null) {
            return new Status(false, unsupported, true, false);
        }
        ConnectionWatch watching;
        synchronized (lock) {
            watching = registration == null ? null : watch;
            if (registration != null && watching == null) {
                return Status.UP;
            }
        }
        if (watching != null) {
            String problem = watching.problem();
            return problem == null ? Status.UP : new Status(false, problem, false, true);
        }
        String fatal = startup.fatal();
        return new Status(false, fatal == null ? startup.reason() : fatal, fatal != null, false);
    }

    /**
     * Called with a request's failure: true when it means the server went away (it is then reported DOWN until it
     * answers again, and the request should answer 503); false for any other failure, and always for Derby.
     */
    boolean connectionLost(Throwable failure) {
        ConnectionWatch watching;
        synchronized (lock) {
            watching = watch;
        }
        if (watching == null || !ConnectionWatch.isConnectionLoss(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                watching.lost(sql);
                break;
            }
        }
        return true;
    }

    /** Registers the open pool as the portal's DataSource, unless deactivated meanwhile. */
    private boolean register(HikariDataSource opened) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            pool = opened;
            watch = backend.watch(opened);
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("ringportal.database", backend.name());
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
        ConnectionWatch watching;
        synchronized (lock) {
            registered = registration;
            opened = pool;
            watching = watch;
            registration = null;
        }
        if (registered != null) {
            registered.unregister();
        }
        if (watching != null) {
            watching.close();
        }
        if (opened != null) {
            opened.close();
        }
        backend.shutDown(opened != null);
    }
}
