package de.ringportal.core.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import de.ringportal.core.api.Transactions;
import de.ringportal.core.internal.SchemaScripts;

/**
 * Restores a backup into an empty database and data directory. Everything that can refuse it is checked before
 * anything changes: the file whole ({@link BackupFile}), the target empty, every schema known to the code at least at
 * the file's version. Then each schema is migrated to exactly the file's version, the rows replace what the
 * migrations seeded (one transaction, parents first), the stored files are copied and the feature bundles installed.
 * The next normal start migrates the schemas on to the code's newest version.
 */
final class Restorer {

    /** What a restore did, for the operator's message. */
    record Result(Manifest manifest, long rows, int files, int bundles) {
    }

    private final DataSource dataSource;
    private final Path dataDir;
    private final Modules modules;

    Restorer(DataSource dataSource, Path dataDir, Modules modules) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.modules = modules;
    }

    Result restore(Path file) throws Refused, SQLException, IOException {
        try (BackupFile backup = BackupFile.open(file)) {
            Manifest manifest = backup.manifest();
            refuseNonEmptyTarget();
            Map<String, String> fromBundles = BundleJars.schemas(backup, manifest);
            for (Map.Entry<String, String> schema : manifest.schemas().entrySet()) {
                Optional<String> known = modules.newest(schema.getKey()).or(() -> Optional.ofNullable(
                        fromBundles.get(schema.getKey())));
                if (known.isEmpty()) {
                    throw new Refused("Die Sicherung enthält Daten des Moduls „" + schema.getKey() + "“, das in "
                            + "diesem Portal fehlt. Nichts wurde verändert.");
                }
                if (SchemaScripts.newer(schema.getValue(), known.get())) {
                    throw new Refused("Die Sicherung stammt von einer neueren Version des Portals: das Modul „"
                            + schema.getKey() + "“ hat dort Schemaversion " + schema.getValue() + ", dieses Portal "
                            + "kennt höchstens " + known.get() + ". Bitte zuerst das Portal aktualisieren. Nichts "
                            + "wurde verändert.");
                }
            }
            for (Manifest.BundleEntry bundle : manifest.bundles()) {
                try (InputStream in = backup.part(bundle.part())) {
                    modules.install(bundle.location(), in.readAllBytes());
                }
            }
            manifest.schemas().forEach(modules::migrate);
            long rows = insertAll(backup, manifest);
            int files = copyFiles(backup, manifest);
            return new Result(manifest, rows, files, manifest.bundles().size());
        }
    }

    private void refuseNonEmptyTarget() throws Refused, SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            Catalog catalog = Catalog.read(connection);
            if (!catalog.isEmpty()) {
                throw new Refused("Die Zieldatenbank ist nicht leer (" + catalog.schemas().size() + " Modulschemata, "
                        + catalog.tables().size() + " Tabellen). Eine Sicherung wird nur in eine leere Datenbank "
                        + "und ein leeres Datenverzeichnis eingespielt. Nichts wurde verändert.");
            }
        }
        for (String folder : BackupWriter.FOLDERS) {
            Path root = dataDir.resolve(folder);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    if (walk.anyMatch(Files::isRegularFile)) {
                        throw new Refused("Das Datenverzeichnis ist nicht leer: " + root + " enthält Dateien. "
                                + "Nichts wurde verändert.");
                    }
                }
            }
        }
        if (!modules.installed().isEmpty()) {
            throw new Refused("In diesem Portal sind schon Erweiterungen installiert. Nichts wurde verändert.");
        }
    }

    /** Identity columns opened, the rows in one transaction, identity columns closed again (even after a failure). */
    private long insertAll(BackupFile backup, Manifest manifest) throws SQLException {
        Catalog catalog;
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            catalog = Catalog.read(connection);
            dialect = Dialect.of(connection);
        }
        Transactions.inTransaction(dataSource, connection -> {
            TableData.openIdentities(connection, dialect, catalog);
            return null;
        });
        try {
            return Transactions.inTransaction(dataSource, connection -> insertAll(connection, dialect, catalog,
                    backup, manifest));
        } finally {
            Transactions.inTransaction(dataSource, connection -> {
                TableData.closeIdentities(connection, dialect, catalog);
                return null;
            });
        }
    }

    private long insertAll(Connection connection, Dialect dialect, Catalog catalog, BackupFile backup,
            Manifest manifest) throws SQLException {
        List<Catalog.Table> reversed = new ArrayList<>(catalog.tables());
        java.util.Collections.reverse(reversed);
        try (Statement statement = connection.createStatement()) {
            for (Catalog.Table table : reversed) { // what the migrations seeded gives way to the backup's rows
                statement.executeUpdate("DELETE FROM " + Dialect.quote(table.name()));
            }
        }
        long rows = 0;
        for (Catalog.Table table : catalog.tables()) {
            Manifest.TableEntry entry = manifest.tables().stream().filter(t -> t.name().equals(table.key()))
                    .findFirst().orElse(null);
            if (entry == null) {
                continue;
            }
            try (InputStream in = backup.part(entry.part())) {
                rows += TableData.restore(connection, dialect, table, in);
            } catch (IOException e) {
                throw new SQLException("Die Tabelle " + table.key() + " lässt sich nicht einspielen: "
                        + e.getMessage(), "58030", e);
            }
        }
        for (Manifest.TableEntry entry : manifest.tables()) {
            if (catalog.table(entry.name()) == null) {
                throw new SQLException("Die Tabelle " + entry.name() + " der Sicherung fehlt nach den Migrationen.",
                        "58030");
            }
        }
        return rows;
    }

    private int copyFiles(BackupFile backup, Manifest manifest) throws IOException {
        int files = 0;
        for (Manifest.Part part : manifest.parts()) {
            if (!part.name().startsWith("files/")) {
                continue;
            }
            Path target = dataDir.resolve(part.name().substring("files/".length())).normalize();
            if (!target.startsWith(dataDir) || BackupWriter.FOLDERS.stream().noneMatch(
                    f -> target.startsWith(dataDir.resolve(f)))) {
                throw new IOException("Unzulässiger Dateipfad in der Sicherung: " + part.name());
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = backup.part(part.name())) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            files++;
        }
        return files;
    }
}
