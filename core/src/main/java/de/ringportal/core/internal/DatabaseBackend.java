package de.ringportal.core.internal;

import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One kind of database the portal runs on ({@link DerbyPool embedded Derby}, a {@link PostgresPool PostgreSQL
 * server}): how its pool opens, which failures at start are worth waiting out, how a lost server is noticed, and how
 * it closes. {@link Database} and {@link DatabaseStartup} hold no other difference between the two.
 */
interface DatabaseBackend {

    /** The {@code ringportal.database} property of the registered DataSource: "derby" or "postgresql". */
    String name();

    /** Where the database is, for the log: a directory, or a URL without its secrets. */
    String where();

    /** True when the last run did not close the database (Derby's lock file): opening it waits for recovery. */
    boolean wasLeftOpen();

    /** Opens the pool once a first connection works. */
    HikariDataSource open() throws SQLException;

    /**
     * Null to try again after this failure; else, in German, why the start gives up (a refused password, a database
     * that does not exist, a server unreachable for too long).
     */
    String giveUp(Exception failure, Duration waited);

    /** How long the start waits at most before it gives up (see {@link #giveUp}); null for as long as it takes. */
    Duration patience();

    /** Watches the open pool for a server that goes away and comes back; null for a database that cannot go away. */
    ConnectionWatch watch(HikariDataSource pool);

    /** After the pool (if any) is closed: shuts the database down where that is ours to do. */
    void shutDown(boolean opened);
}
