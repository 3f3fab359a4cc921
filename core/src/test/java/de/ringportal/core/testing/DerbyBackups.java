package de.ringportal.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A migrated in-memory Derby kept as a backup on disk, so that each further test database of the module is a copy
 * ({@code createFrom}) rather than a new Flyway run: the Derby side of {@link TestDatabase}'s templates. The
 * backups live in one temporary folder, deleted when the JVM ends.
 */
final class DerbyBackups {

    private static Path folder;

    private DerbyBackups() {
    }

    /** Backs the database up (Derby's own online backup) and drops it from memory; the backup's folder. */
    static Path backUp(EmbeddedDataSource database) {
        Path into = folder();
        try (Connection connection = database.getConnection();
                CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            backup.setString(1, into.toString());
            backup.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Backup of " + database.getDatabaseName() + " failed", e);
        }
        drop(database);
        return into.resolve(database.getDatabaseName().substring("memory:".length()));
    }

    /** Creates {@code database} (in memory, not there yet) as a copy of the backup. */
    static void restore(EmbeddedDataSource database, Path backup) {
        EmbeddedDataSource creating = new EmbeddedDataSource();
        creating.setDatabaseName(database.getDatabaseName());
        creating.setConnectionAttributes("createFrom=" + backup);
        try (Connection connection = creating.getConnection()) {
            connection.getMetaData();
        } catch (SQLException e) {
            throw new IllegalStateException("No copy of " + backup + " as " + database.getDatabaseName(), e);
        }
    }

    private static void drop(EmbeddedDataSource database) {
        EmbeddedDataSource dropping = new EmbeddedDataSource();
        dropping.setDatabaseName(database.getDatabaseName());
        dropping.setConnectionAttributes("drop=true");
        try {
            dropping.getConnection().close();
        } catch (SQLException e) {
            // 08006 is Derby's answer to a successful drop; anything else leaves a template in memory, harmlessly
        }
    }

    private static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("ringportal-derby-templates-");
            } catch (IOException e) {
                throw new IllegalStateException("No folder for Derby templates", e);
            }
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "delete Derby templates"));
        }
        return folder;
    }

    private static void delete(Path created) {
        try (Stream<Path> files = Files.walk(created)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing a test run for
        }
    }
}
