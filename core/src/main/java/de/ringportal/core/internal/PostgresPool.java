package de.ringportal.core.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A PostgreSQL server as the portal's database: the HikariCP pool over the driver's own DataSource (no
 * {@code DriverManager}, which cannot see another bundle's driver). A refused login or a database that does not exist
 * ends the start at once; a server that does not answer is waited for {@link #PATIENCE}, then the start ends too.
 * While the portal runs, a {@link ConnectionWatch} notices the server going away and coming back.
 */
final class PostgresPool implements DatabaseBackend {

    /** How long the start waits for a server that refuses or does not answer connections. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Seconds one connection attempt may take; the start tries again until {@link #PATIENCE} is over. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    /** SQLStates that waiting does not cure: a refused password or user, a database that does not exist. */
    private static final Set<String> REFUSED = Set.of("28P01", "28000", "3D000", "42501");

    private final DatabaseSettings settings;
    private final Database.Config config;
    private volatile PGSimpleDataSource server;

    PostgresPool(DatabaseSettings settings, Database.Config config) {
        this.settings = settings;
        this.config = config;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String where() {
        return settings.shownUrl();
    }

    @Override
    public boolean wasLeftOpen() {
        return false; // the server recovers by itself before it accepts connections
    }

    @Override
    public HikariDataSource open() throws SQLException {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        try {
            postgres.setURL(settings.url());
        } catch (IllegalArgumentException e) {
            // the driver's message repeats the URL, which may hold a password
            throw new IllegalArgumentException("keine gültige PostgreSQL-Adresse");
        }
        if (settings.user() != null) {
            postgres.setUser(settings.user());
        }
        if (settings.password() != null) {
            postgres.setPassword(settings.password());
        }
        postgres.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        postgres.setLoginTimeout(CONNECT_TIMEOUT_SECONDS * 2);
        postgres.setTcpKeepAlive(true);
        postgres.setApplicationName("Ringportal");
        postgres.getConnection().close();

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("ringportal");
        pool.setDataSource(postgres);
        pool.setMaximumPoolSize(config.maximumPoolSize());
        pool.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        pool.setConnectionTimeout(config.connectionTimeout());
        HikariDataSource opened = new HikariDataSource(pool);
        server = postgres;
        return opened;
    }

    @Override
    public String giveUp(Exception failure, Duration waited) {
        String state = sqlState(failure);
        String user = settings.user() == null ? "" : " als " + settings.user();
        if ("28P01".equals(state) || "28000".equals(state)) {
            return "Der PostgreSQL-Server lehnt die Anmeldung" + user + " an " + settings.shownUrl()
                    + " ab: Benutzer oder Passwort (RINGPORTAL_DB_PASSWORD) prüfen. (" + DatabaseStartup.describe(failure)
                    + ")";
        }
        if ("3D000".equals(state)) {
            return "Die Datenbank in " + settings.shownUrl() + " gibt es auf dem PostgreSQL-Server nicht: Adresse"
                    + " prüfen oder die Datenbank anlegen. (" + DatabaseStartup.describe(failure) + ")";
        }
        if (REFUSED.contains(state)) {
            return "Der PostgreSQL-Server " + settings.shownUrl() + " verweigert den Zugriff" + user + ". ("
                    + DatabaseStartup.describe(failure) + ")";
        }
        if (failure instanceof IllegalArgumentException) {
            return "Die Datenbank-Adresse " + settings.shownUrl() + " ist " + failure.getMessage() + ".";
        }
        if (waited.compareTo(PATIENCE) >= 0) {
            return "Der PostgreSQL-Server " + settings.shownUrl() + " ist nach " + waited.toSeconds()
                    + " s nicht erreichbar. (" + DatabaseStartup.describe(failure) + ")";
        }
        return null;
    }

    @Override
    public Duration patience() {
        return PATIENCE;
    }

    @Override
    public ConnectionWatch watch(HikariDataSource pool) {
        return new ConnectionWatch(server, pool, settings.shownUrl());
    }

    @Override
    public void shutDown(boolean opened) {
        // the server is not ours: closing the pool closed our connections
    }

    /** The first SQLState in the failure's causes; the pool wraps the driver's exception. */
    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
