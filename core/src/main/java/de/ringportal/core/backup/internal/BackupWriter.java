package de.ringportal.core.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import de.ringportal.core.api.Transactions;

/**
 * Writes a backup: every table of every module schema, the data directory's stored files ({@link #FOLDERS}) and the
 * feature bundles installed at runtime, then the manifest. All tables are read in one transaction at the
 * {@link Dialect#snapshotIsolation() snapshot level}, and the files are copied inside it, so rows and files are of one
 * moment; when the database gives the transaction up (a deadlock with a writer) it runs again from the start.
 */
final class BackupWriter {

    /** Data directory folders that hold what the tables refer to: report files by SHA-256, the bundle archive. */
    static final List<String> FOLDERS = List.of("reports/blobs", "admin/bundles");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final DataSource dataSource;
    private final Path dataDir;
    private final Modules modules;
    private final String portalVersion;
    private final Clock clock;

    BackupWriter(DataSource dataSource, Path dataDir, Modules modules, String portalVersion, Clock clock) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.modules = modules;
        this.portalVersion = portalVersion;
        this.clock = clock;
    }

    /** Writes the backup to {@code target} (through a temporary file beside it, so it appears whole or not). */
    Manifest write(Path target, Consumer<String> progress) throws SQLException, IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        List<Modules.Installed> bundles = modules.installed();
        try {
            Manifest manifest = Transactions.inTransaction(dataSource, connection -> {
                try {
                    return writeOnce(connection, temporary, bundles, progress);
                } catch (IOException e) {
                    throw new SQLException("Writing the backup failed: " + e.getMessage(), "58030", e);
                }
            });
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (SQLException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Manifest writeOnce(Connection connection, Path file, List<Modules.Installed> bundles,
            Consumer<String> progress) throws SQLException, IOException {
        Dialect dialect = Dialect.of(connection);
        connection.setTransactionIsolation(dialect.snapshotIsolation());
        java.time.Instant created = clock.instant();
        Catalog catalog = Catalog.read(connection);
        List<Manifest.Part> parts = new ArrayList<>();
        List<Manifest.TableEntry> tables = new ArrayList<>();
        List<Manifest.BundleEntry> bundleEntries = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            int done = 0;
            for (Catalog.Table table : catalog.tables()) {
                progress.accept("Tabelle " + (++done) + " von " + catalog.tables().size() + ": " + table.key());
                String name = "tables/" + table.key() + ".jsonl";
                Counting out = begin(zip, name);
                long rows = TableData.export(connection, table, out);
                parts.add(out.end(name));
                tables.add(new Manifest.TableEntry(table.key(), name, rows));
            }
            progress.accept("Dateien");
            for (String folder : FOLDERS) {
                copyFolder(zip, folder, parts);
            }
            int n = 0;
            for (Modules.Installed bundle : bundles) {
                String name = "bundles/" + (++n) + "-" + bundle.symbolicName().replaceAll("[^A-Za-z0-9._-]", "_")
                        + ".jar";
                Counting out = begin(zip, name);
                out.write(bundle.jar());
                parts.add(out.end(name));
                bundleEntries.add(new Manifest.BundleEntry(bundle.location(), bundle.symbolicName(),
                        bundle.version(), name));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, portalVersion, created,
                    connection.getMetaData().getDatabaseProductName(), catalog.schemas(), tables, bundleEntries,
                    parts);
            zip.putNextEntry(new ZipEntry(Manifest.NAME));
            zip.write(manifest.toJson());
            zip.closeEntry();
            return manifest;
        }
    }

    private void copyFolder(ZipOutputStream zip, String folder, List<Manifest.Part> parts) throws IOException {
        Path root = dataDir.resolve(folder);
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path path : files) {
            String name = "files/" + dataDir.relativize(path).toString().replace('\\', '/');
            Counting out = begin(zip, name);
            try (InputStream in = Files.newInputStream(path)) {
                in.transferTo(out);
            }
            Manifest.Part part = out.end(name);
            String fileName = path.getFileName().toString();
            if (folder.equals("reports/blobs") && SHA256.matcher(fileName).matches()
                    && !fileName.equals(part.sha256())) {
                throw new IOException("Die Berichtsdatei " + fileName + " passt nicht zu ihrer Prüfsumme "
                        + "(beschädigt); die Sicherung wurde abgebrochen.");
            }
            parts.add(part);
        }
    }

    private static Counting begin(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        return new Counting(zip);
    }

    /** Hashes and counts what goes into one zip entry. */
    private static final class Counting extends FilterOutputStream {
        private final ZipOutputStream zip;
        private final MessageDigest digest = BackupFile.sha256();
        private long size;

        Counting(ZipOutputStream zip) {
            super(zip);
            this.zip = zip;
        }

        @Override
        public void write(int b) throws IOException {
            zip.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            zip.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }

        Manifest.Part end(String name) throws IOException {
            zip.closeEntry();
            return new Manifest.Part(name, HexFormat.of().formatHex(digest.digest()), size);
        }
    }
}
