package de.ringportal.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The portal's one pooled {@link DataSource}: HikariCP over an embedded Derby database in the data directory.
 * Deactivating closes the pool and shuts Derby down cleanly, so the next start needs no recovery.
 */
@Component(service = DataSource.class, property = "ringportal.database=derby")
@Designate(ocd = Database.Config.class)
public class Database extends HikariDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Framework property with the portal's data directory; the launcher sets it. */
    static final String DATA_DIR = "ringportal.data.dir";

    @ObjectClassDefinition(name = "Ringportal: Datenbank",
            description = "Die eingebettete Derby-Datenbank des Portals und ihr Verbindungspool.")
    public @interface Config {

        @AttributeDefinition(name = "Verbindungen höchstens",
                description = "So viele Datenbankverbindungen hält der Pool höchstens gleichzeitig offen.", min = "1")
        int maximumPoolSize() default 10;

        @AttributeDefinition(name = "Wartezeit auf eine Verbindung (ms)",
                description = "So lange wartet eine Anfrage höchstens auf eine freie Verbindung, bevor sie scheitert.",
                min = "250")
        long connectionTimeout() default 10_000;
    }

    private final Path directory;

    @Activate
    public Database(BundleContext context, Config config) {
        this(databaseDirectory(context), config);
    }

    Database(Path directory, Config config) {
        super(poolConfig(directory, config));
        this.directory = directory;
        LOG.info("Database ready at {}", directory);
    }

    @Deactivate
    void deactivate() {
        close();
        shutDown(directory);
    }

    static Path databaseDirectory(BundleContext context) {
        String dataDir = context.getProperty(DATA_DIR);
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath().resolve("db");
    }

    private static HikariConfig poolConfig(Path directory, Config config) {
        try {
            Files.createDirectories(directory.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + directory.getParent(), e);
        }
        // Derby writes its own log; keep it in the data directory, not in whatever the working directory is.
        System.setProperty("derby.stream.error.file", directory.resolveSibling("derby.log").toString());
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(directory.toString());
        derby.setCreateDatabase("create");

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("ringportal");
        pool.setDataSource(derby);
        pool.setMaximumPoolSize(config.maximumPoolSize());
        pool.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        pool.setConnectionTimeout(config.connectionTimeout());
        return pool;
    }

    /** Shuts the database and then the Derby engine down; Derby reports success as an SQLException. */
    static void shutDown(Path directory) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(directory.toString());
        derby.setShutdownDatabase("shutdown");
        try {
            derby.getConnection().close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                LOG.warn("Derby database shutdown reported {}", e.getMessage());
            }
        }
        try {
            new EmbeddedDriver().connect("jdbc:derby:;shutdown=true", new Properties());
        } catch (SQLException e) {
            if (!"XJ015".equals(e.getSQLState())) {
                LOG.warn("Derby engine shutdown reported {}", e.getMessage());
            }
        }
        LOG.info("Database at {} shut down", directory);
    }
}
