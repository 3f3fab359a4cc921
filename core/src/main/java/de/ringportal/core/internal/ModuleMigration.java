package de.ringportal.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway, set up for one module: its own history table, its scripts read from its {@link ScriptFolder} (its bundle at
 * runtime, the class path in tests), all in one transaction.
 * Scripts are plain standard SQL that runs on Derby and PostgreSQL alike; where the two have no common type, a Flyway
 * placeholder names it: {@code ${large_text}} is an unbounded text column ({@code CLOB} on Derby, {@code TEXT} on
 * PostgreSQL).
 */
final class ModuleMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleMigration.class);

    /** The placeholder for an unbounded text column. */
    static final String LARGE_TEXT = "large_text";

    private ModuleMigration() {
    }

    /** {@code TEXT} on PostgreSQL, which has no {@code CLOB}; the SQL standard's {@code CLOB} everywhere else. */
    static String largeText(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? "TEXT" : "CLOB";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /**
     * Runs the folder's pending migrations and returns the newest applied version ("0" when it has none).
     *
     * @throws org.flywaydb.core.api.FlywayException when a script fails (everything pending is rolled back) or an
     *         applied script was changed since (checksum mismatch)
     */
    static String migrate(DataSource dataSource, ScriptFolder scripts, String name) {
        return migrate(dataSource, scripts, name, null);
    }

    /** As {@link #migrate(DataSource, ScriptFolder, String)}, but no further than {@code target} (null: latest). */
    static String migrate(DataSource dataSource, ScriptFolder scripts, String name, String target) {
        var configuration = Flyway.configure(ModuleMigration.class.getClassLoader())
                .dataSource(dataSource)
                .table("schema_history_" + name)
                .resourceProvider(new FolderMigrations(scripts))
                .javaMigrationClassProvider(List::of)
                // the schema is shared by all modules, so it is never empty: start each module's history at 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateMigrationNaming(true)
                .group(true)
                .loggers("slf4j")
                .placeholders(Map.of(LARGE_TEXT, largeText(dataSource)));
        if (target != null) {
            configuration = configuration.target(target);
        }
        Flyway flyway = configuration.load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        String version = current == null ? "0" : current.getVersion().getVersion();
        if (result.migrationsExecuted > 0) {
            LOG.info("Module schema '{}' migrated to version {} ({} scripts)", name, version,
                    result.migrationsExecuted);
        }
        return version;
    }
}
