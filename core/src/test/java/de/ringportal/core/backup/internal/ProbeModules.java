package de.ringportal.core.backup.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import de.ringportal.core.internal.BackupProbeScripts;

/** {@link Modules} for the tests: the one schema "bp" from core's test resources, and feature bundles in a list. */
final class ProbeModules implements Modules {

    private static final AtomicInteger COUNT = new AtomicInteger();

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        System.setProperty("derby.locks.deadlockTimeout", "1");
        System.setProperty("derby.locks.waitTimeout", "5");
    }

    private final DataSource dataSource;
    private final String newest;
    final List<Installed> bundles = new ArrayList<>();

    ProbeModules(DataSource dataSource, String newest) {
        this.dataSource = dataSource;
        this.newest = newest;
    }

    /** A new empty in-memory Derby database. */
    static DataSource emptyDatabase() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:backup-test-" + COUNT.incrementAndGet());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    /** A new database with schema "bp" migrated up to {@code version}. */
    static DataSource migrated(String version) {
        DataSource dataSource = emptyDatabase();
        BackupProbeScripts.migrate(dataSource, version);
        return dataSource;
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public Optional<String> newest(String schema) {
        return schema.equals("bp") ? Optional.of(newest) : Optional.empty();
    }

    @Override
    public void migrate(String schema, String version) {
        BackupProbeScripts.migrate(dataSource, version);
    }

    @Override
    public List<Installed> installed() {
        return List.copyOf(bundles);
    }

    @Override
    public void install(String location, byte[] jar) {
        bundles.add(new Installed(location, "restored", "0", jar));
    }
}
