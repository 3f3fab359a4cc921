package de.ringportal.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The embedded Derby database in the data directory and the HikariCP pool over it: where it lives, opening, shutdown. */
final class DerbyPool {

    private static final Logger LOG = LoggerFactory.getLogger(DerbyPool.class);

    /** Framework property with the portal's data directory; the launcher sets it. */
    static final String DATA_DIR = "ringportal.data.dir";

    private DerbyPool() {
    }

    /** Embedded Derby in {@code directory} as the portal's database: it waits as long as Derby's recovery takes. */
    static DatabaseBackend backend(Path directory, Database.Config config) {
        return new DatabaseBackend() {
            @Override
            public String name() {
                return "derby";
            }

            @Override
            public String where() {
                return directory.toString();
            }

            @Override
            public boolean wasLeftOpen() {
                return DerbyPool.wasLeftOpen(directory);
            }

            @Override
            public HikariDataSource open() throws SQLException {
                return DerbyPool.open(directory, config);
            }

            @Override
            public String giveUp(Exception failure, Duration waited) {
                return null; // recovery or another process: both end, however long it takes
            }

            @Override
            public Duration patience() {
                return null;
            }

            @Override
            public ConnectionWatch watch(HikariDataSource pool) {
                return null; // embedded: it goes only with the portal
            }

            @Override
            public void shutDown(boolean opened) {
                if (opened) {
                    DerbyPool.shutDown(directory);
                } else {
                    shutDownEngine();
                }
            }
        };
    }

    static Path databaseDirectory(BundleContext context) {
        String dataDir = context.getProperty(DATA_DIR);
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath().resolve("db");
    }

    /**
     * Boots the database (creating it on the first start) and opens the pool over it. The first connection is made
     * without a login timeout, so it waits for Derby's crash recovery however long that runs; only then does the pool
     * start, with its own timeout for the connections that requests wait for.
     *
     * @throws SQLException when Derby cannot boot the database, e.g. while another process has it open
     */
    static HikariDataSource open(Path directory, Database.Config config) throws SQLException {
        try {
            Files.createDirectories(directory.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + directory.getParent(), e);
        }
        // Derby writes its own log; keep it in the data directory, not in whatever the working directory is.
        System.setProperty("derby.stream.error.file", directory.resolveSibling("derby.log").toString());
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(directory.toString());
        derby.setCreateDatabase("create");
        derby.getConnection().close();

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("ringportal");
        pool.setDataSource(derby);
        pool.setMaximumPoolSize(config.maximumPoolSize());
        pool.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        pool.setConnectionTimeout(config.connectionTimeout());
        return new HikariDataSource(pool);
    }

    /**
     * Derby leaves its lock file behind when it was not shut down: after a crash or a kill, or while another process
     * has the database open. Either way its next boot here has to wait (for recovery, or for the other process).
     */
    static boolean wasLeftOpen(Path directory) {
        return Files.exists(directory.resolve("db.lck"));
    }

    /** Shuts the database and then the Derby engine down; Derby reports success as an SQLException. */
    static void shutDown(Path directory) {
        shutDownDatabase(directory);
        shutDownEngine();
        LOG.info("Database at {} shut down", directory);
    }

    private static void shutDownDatabase(Path directory) {
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
    }

    /** Stops the Derby engine alone: for a database that never opened, so there is nothing to shut but the engine. */
    static void shutDownEngine() {
        try {
            new EmbeddedDriver().connect("jdbc:derby:;shutdown=true", new Properties());
        } catch (SQLException e) {
            if (!"XJ015".equals(e.getSQLState())) {
                LOG.warn("Derby engine shutdown reported {}", e.getMessage());
            }
        }
    }
}
