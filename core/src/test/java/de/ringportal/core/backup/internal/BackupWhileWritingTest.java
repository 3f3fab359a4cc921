package de.ringportal.core.backup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;

import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Transactions;

/**
 * Backups taken while writers keep storing records (a file, then a parent row naming it and three child rows, in
 * one transaction each): every backup holds each record whole (a parent with all three children, no child without
 * its parent, the parent's file with its SHA-256), and the writers went on during the backups.
 */
public class BackupWhileWritingTest {

    private static final int CHILDREN = 3;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void every_record_in_a_backup_taken_during_writes_is_complete() throws Exception {
        DataSource database = ProbeModules.migrated("2");
        Path dataDir = folder.newFolder("daten").toPath();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writers.execute(() -> {
                for (int n = 0; !stop.get(); n++) {
                    try {
                        write(database, dataDir, "Schreiber " + writer + " Satz " + n);
                        written.incrementAndGet();
                    } catch (StoreBusyException busy) {
                        // refused as busy, stored nothing: allowed
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                }
            });
        }
        BackupWriter backup = new BackupWriter(database, dataDir, new ProbeModules(database, "2"), "test",
                Clock.systemUTC());
        List<Integer> writtenAtBackup = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int before = written.get();
            while (written.get() < before + 20 && failures.isEmpty()) {
                Thread.onSpinWait();
            }
            Path file = folder.getRoot().toPath().resolve("sicherung-" + i + ".zip");
            backup.write(file, step -> { });
            writtenAtBackup.add(assertComplete(file));
        }
        stop.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(failures.toString(), failures.isEmpty());
        for (int i = 1; i < writtenAtBackup.size(); i++) {
            assertTrue("writers went on between backups: " + writtenAtBackup,
                    writtenAtBackup.get(i) > writtenAtBackup.get(i - 1));
        }
    }

    /** A file in the store under its hash, then its record: a parent naming it and its children, in one transaction. */
    private static void write(DataSource database, Path dataDir, String name) throws Exception {
        byte[] content = ("Bericht " + name).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Path blob = dataDir.resolve("reports/blobs").resolve(sha.substring(0, 2)).resolve(sha);
        Files.createDirectories(blob.getParent());
        Path temporary = Files.createTempFile(dataDir, "upload-", ".part");
        Files.write(temporary, content);
        Files.move(temporary, blob, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Transactions.inTransaction(database, connection -> {
            int id;
            try (PreparedStatement parent = connection.prepareStatement("INSERT INTO bp_parent (name, body, active) "
                    + "VALUES (?, ?, TRUE)", Statement.RETURN_GENERATED_KEYS)) {
                parent.setString(1, name);
                parent.setString(2, sha);
                parent.executeUpdate();
                try (ResultSet key = parent.getGeneratedKeys()) {
                    key.next();
                    id = key.getInt(1);
                }
            }
            try (PreparedStatement child = connection.prepareStatement("INSERT INTO bp_child (parent_id, seq) "
                    + "VALUES (?, ?)")) {
                for (int seq = 1; seq <= CHILDREN; seq++) {
                    child.setInt(1, id);
                    child.setInt(2, seq);
                    child.executeUpdate();
                }
            }
            return id;
        });
    }

    /** Checks one backup; answers how many written records it holds. */
    private static int assertComplete(Path file) throws Exception {
        try (BackupFile backup = BackupFile.open(file)) {
            Map<Long, String> parents = new HashMap<>();
            for (JsonNode row : rows(backup, "tables/bp_parent.jsonl")) {
                parents.put(row.get(0).asLong(), row.get(2).isNull() ? null : row.get(2).asText());
            }
            Map<Long, Integer> children = new HashMap<>();
            for (JsonNode row : rows(backup, "tables/bp_child.jsonl")) {
                long parent = row.get(1).asLong();
                assertTrue("child without its parent " + parent, parents.containsKey(parent));
                children.merge(parent, 1, Integer::sum);
            }
            int records = 0;
            for (Map.Entry<Long, String> parent : parents.entrySet()) {
                if (parent.getValue() == null) {
                    continue; // the row the migration seeded
                }
                records++;
                assertEquals("children of " + parent.getKey(), Integer.valueOf(CHILDREN),
                        children.get(parent.getKey()));
                String sha = parent.getValue();
                String part = "files/reports/blobs/" + sha.substring(0, 2) + "/" + sha;
                assertTrue("the file of " + parent.getKey() + " is in the backup", backup.manifest().parts().stream()
                        .anyMatch(p -> p.name().equals(part) && p.sha256().equals(sha)));
            }
            assertEquals(parents.size(), backup.manifest().tables().stream()
                    .filter(t -> t.name().equals("bp_parent")).findFirst().orElseThrow().rows());
            return records;
        }
    }

    private static List<JsonNode> rows(BackupFile backup, String part) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(backup.part(part),
                StandardCharsets.UTF_8))) {
            lines.readLine(); // header
            for (String line; (line = lines.readLine()) != null;) {
                rows.add(TableData.JSON.readTree(line));
            }
        }
        return rows;
    }
}
