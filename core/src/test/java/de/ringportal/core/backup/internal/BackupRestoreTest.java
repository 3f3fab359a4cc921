package de.ringportal.core.backup.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The backup file and its restore on Derby: everything comes back as it was (identity values, large text, binary
 * data, report files, feature bundles), and every refusal (damaged file, newer schema, non-empty target) changes
 * nothing.
 */
public class BackupRestoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final byte[] report = "%PDF-1.7 Bericht\n\u00e4\u00f6\u00fc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final String longText = "Zeile mit \"Anführung\", Backslash \\ und Tab\t\n".repeat(5_000) + "€ 😀";

    /** A source database at version 2 with rows of every kind, a report file and one feature bundle. */
    private DataSource source(Path dataDir, ProbeModules[] modules) throws Exception {
        DataSource source = ProbeModules.migrated("2");
        try (Connection connection = source.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO bp_parent (name, body, data, "
                        + "amount, ratio, active, due_on, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, "voll");
            insert.setString(2, longText);
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            insert.setBytes(3, all);
            insert.setBigDecimal(4, new java.math.BigDecimal("1234567890.12"));
            insert.setDouble(5, 0.1);
            insert.setBoolean(6, false);
            insert.setDate(7, java.sql.Date.valueOf("2026-02-28"));
            insert.setTimestamp(8, Timestamp.valueOf("2026-12-04 17:59:58.123456"));
            insert.setString(9, "Notiz");
            insert.executeUpdate();
            insert.setString(1, "leer");
            insert.setNull(2, java.sql.Types.CLOB);
            insert.setNull(3, java.sql.Types.BLOB);
            insert.setNull(4, java.sql.Types.DECIMAL);
            insert.setNull(5, java.sql.Types.DOUBLE);
            insert.setNull(7, java.sql.Types.DATE);
            insert.setNull(8, java.sql.Types.TIMESTAMP);
            insert.setNull(9, java.sql.Types.VARCHAR);
            insert.setBoolean(6, true);
            insert.executeUpdate();
        }
        ProbeModules.execute(source, "DELETE FROM bp_parent WHERE name = 'leer'"); // a gap in the identity values
        ProbeModules.execute(source, "INSERT INTO bp_parent (name, active) VALUES ('nach der Lücke', TRUE)");
        ProbeModules.execute(source, "INSERT INTO bp_child (parent_id, seq) SELECT id, 1 FROM bp_parent");
        Path blob = dataDir.resolve("reports/blobs").resolve(sha256(report).substring(0, 2)).resolve(sha256(report));
        Files.createDirectories(blob.getParent());
        Files.write(blob, report);
        modules[0] = new ProbeModules(source, "2");
        modules[0].bundles.add(new Modules.Installed("ringportal:upload:de.example.feature", "de.example.feature",
                "1.0.0", "kein echtes JAR, nur Bytes".getBytes()));
        return source;
    }

    private Path backup(DataSource source, Path dataDir, Modules modules) throws Exception {
        Path file = folder.getRoot().toPath().resolve("sicherung-" + System.nanoTime() + ".zip");
        new BackupWriter(source, dataDir, modules, "0.1.0.test", CLOCK).write(file, step -> { });
        return file;
    }

    @Test
    public void restore_gives_back_every_row_file_and_bundle_and_identities_go_on_after_the_largest() throws Exception {
        Path dataDir = folder.newFolder("quelle").toPath();
        ProbeModules[] modules = new ProbeModules[1];
        DataSource source = source(dataDir, modules);
        Path file = backup(source, dataDir, modules[0]);

        Manifest manifest;
        try (BackupFile opened = BackupFile.open(file)) {
            manifest = opened.manifest();
        }
        assertEquals(Map.of("bp", "2"), manifest.schemas());
        assertEquals("Apache Derby", manifest.database());
        assertEquals(CLOCK.instant(), manifest.created());
        assertEquals(List.of("bp_parent", "bp_child"), manifest.tables().stream().map(Manifest.TableEntry::name)
                .toList());
        assertEquals(3, manifest.tables().get(0).rows());

        DataSource target = ProbeModules.emptyDatabase();
        Path targetDir = folder.newFolder("ziel").toPath();
        ProbeModules targetModules = new ProbeModules(target, "2");
        Restorer.Result result = new Restorer(target, targetDir, targetModules).restore(file);

        assertEquals(6, result.rows());
        assertEquals(dump(source, "bp_parent"), dump(target, "bp_parent"));
        assertEquals(dump(source, "bp_child"), dump(target, "bp_child"));
        Path blob = targetDir.resolve("reports/blobs").resolve(sha256(report).substring(0, 2))
                .resolve(sha256(report));
        assertArrayEquals(report, Files.readAllBytes(blob));
        assertEquals("ringportal:upload:de.example.feature", targetModules.bundles.get(0).location());
        assertArrayEquals("kein echtes JAR, nur Bytes".getBytes(), targetModules.bundles.get(0).jar());

        ProbeModules.execute(target, "INSERT INTO bp_parent (name, active) VALUES ('neu', TRUE)");
        assertEquals(List.of("5"), column(target, "SELECT id FROM bp_parent WHERE name = 'neu'"));
        IllegalStateException always = assertThrows(IllegalStateException.class, () -> ProbeModules.execute(target,
                "INSERT INTO bp_parent (id, name, active) VALUES (99, 'x', TRUE)"));
        assertTrue("generated always again", always.getCause() instanceof SQLException);
    }

    @Test
    public void restore_migrates_only_to_the_version_of_the_file() throws Exception {
        DataSource source = ProbeModules.migrated("1");
        Path file = backup(source, folder.newFolder().toPath(), new ProbeModules(source, "1"));
        DataSource target = ProbeModules.emptyDatabase();

        new Restorer(target, folder.newFolder().toPath(), new ProbeModules(target, "2")).restore(file);

        try (Connection connection = target.getConnection()) {
            Catalog catalog = Catalog.read(connection);
            assertEquals(Map.of("bp", "1"), catalog.schemas());
            assertEquals(null, catalog.table("bp_parent").column("note"));
        }
        assertEquals(List.of("von der Migration angelegt"), column(target, "SELECT name FROM bp_parent"));
    }

    @Test
    public void truncated_file_is_refused_and_nothing_changes() throws Exception {
        DataSource source = ProbeModules.migrated("2");
        Path file = backup(source, folder.newFolder().toPath(), new ProbeModules(source, "2"));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 100));

        assertRefusedIntoEmpty(file, "keine vollständige Sicherung");
    }

    @Test
    public void changed_part_is_refused_by_its_checksum() throws Exception {
        Path dataDir = folder.newFolder().toPath();
        ProbeModules[] modules = new ProbeModules[1];
        DataSource source = source(dataDir, modules);
        Path file = backup(source, dataDir, modules[0]);
        Path changed = rewrite(file, (name, bytes) -> name.equals("tables/bp_child.jsonl")
                ? new String(bytes).replace("[1,1,1]", "[1,2,1]").getBytes() : bytes);

        assertRefusedIntoEmpty(changed, "Prüfsumme von tables/bp_child.jsonl stimmt nicht");
    }

    @Test
    public void file_without_manifest_is_refused() throws Exception {
        DataSource source = ProbeModules.migrated("2");
        Path file = backup(source, folder.newFolder().toPath(), new ProbeModules(source, "2"));
        Path changed = rewrite(file, (name, bytes) -> name.equals(Manifest.NAME) ? null : bytes);

        assertRefusedIntoEmpty(changed, "manifest.json fehlt");
    }

    @Test
    public void file_from_a_newer_schema_is_refused_and_nothing_changes() throws Exception {
        DataSource source = ProbeModules.migrated("2");
        Path file = backup(source, folder.newFolder().toPath(), new ProbeModules(source, "2"));
        DataSource target = ProbeModules.emptyDatabase();

        Refused refused = assertThrows(Refused.class, () -> new Restorer(target, folder.newFolder().toPath(),
                new ProbeModules(target, "1")).restore(file));

        assertTrue(refused.getMessage(), refused.getMessage().contains("Schemaversion 2, dieses Portal kennt "
                + "höchstens 1"));
        assertEmpty(target);
    }

    @Test
    public void non_empty_database_or_data_directory_is_refused() throws Exception {
        DataSource source = ProbeModules.migrated("2");
        Path file = backup(source, folder.newFolder().toPath(), new ProbeModules(source, "2"));

        Refused database = assertThrows(Refused.class, () -> new Restorer(source, folder.newFolder().toPath(),
                new ProbeModules(source, "2")).restore(file));
        assertTrue(database.getMessage(), database.getMessage().contains("Zieldatenbank ist nicht leer"));
        assertEquals(List.of("von der Migration angelegt"), column(source, "SELECT name FROM bp_parent"));

        Path dataDir = folder.newFolder().toPath();
        Files.createDirectories(dataDir.resolve("reports/blobs/ab"));
        Files.write(dataDir.resolve("reports/blobs/ab/alt"), new byte[] { 1 });
        DataSource target = ProbeModules.emptyDatabase();
        Refused files = assertThrows(Refused.class, () -> new Restorer(target, dataDir,
                new ProbeModules(target, "2")).restore(file));
        assertTrue(files.getMessage(), files.getMessage().contains("Datenverzeichnis ist nicht leer"));
        assertEmpty(target);
    }

    /** A part may only be a table, a bundle or a file in the report store or bundle archive: no path escapes. */
    @Test
    public void parts_outside_the_backup_folders_are_refused() {
        assertTrue(BackupFile.safe("tables/news_article.jsonl"));
        assertTrue(BackupFile.safe("files/reports/blobs/ab/" + "a".repeat(64)));
        assertTrue(BackupFile.safe("bundles/1-de.example.feature.jar"));
        for (String name : List.of("files/reports/blobs/../../../etc/passwd", "files/db/seg0/c10.dat", "/etc/passwd",
                "tables/../x.jsonl", "files/reports\\blobs/x", "bundles/x.sh")) {
            assertTrue(name, !BackupFile.safe(name));
        }
    }

    private void assertRefusedIntoEmpty(Path file, String message) throws Exception {
        DataSource target = ProbeModules.emptyDatabase();
        Path dataDir = folder.newFolder().toPath();
        Refused refused = assertThrows(Refused.class, () -> new Restorer(target, dataDir,
                new ProbeModules(target, "2")).restore(file));
        assertTrue(refused.getMessage(), refused.getMessage().contains(message));
        assertEmpty(target);
        try (var files = Files.list(dataDir)) {
            assertEquals(0, files.count());
        }
    }

    private static void assertEmpty(DataSource target) throws SQLException {
        try (Connection connection = target.getConnection()) {
            assertTrue(Catalog.read(connection).isEmpty());
        }
    }

    interface Change {
        byte[] apply(String name, byte[] bytes);
    }

    /** A copy of the zip with each entry passed through {@code change} (null drops it). */
    private Path rewrite(Path file, Change change) throws IOException {
        Path copy = folder.getRoot().toPath().resolve("geaendert-" + System.nanoTime() + ".zip");
        try (ZipFile zip = new ZipFile(file.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = change.apply(entry.getName(), in.readAllBytes());
                }
                if (bytes != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    /** Every row of a table in key order, each value as text (binary as hex), for comparing whole tables. */
    static List<String> dump(DataSource dataSource, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = row.getMetaData();
            while (row.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = row.getObject(i);
                    if (value instanceof java.sql.Blob blob) {
                        value = HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
                    } else if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    }
                    line.append(meta.getColumnName(i)).append('=').append(value).append(';');
                }
                rows.add(line.toString());
            }
        }
        return rows;
    }

    static List<String> column(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
