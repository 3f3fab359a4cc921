package de.ringportal.reports.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BlobStoreTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path root;
    private BlobStore store;

    @Before
    public void open() throws IOException {
        root = folder.getRoot().toPath();
        store = new BlobStore(root);
    }

    /** The stored file sits under its SHA-256 and reads back after the check. */
    @Test
    public void stores_under_sha256_and_reads_back() throws IOException {
        byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);
        BlobStore.Staged staged = store.stage(new ByteArrayInputStream(content), 100);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", staged.sha256());
        assertEquals(3, staged.size());

        store.commit(staged);

        Path file = store.verified(staged.sha256());
        assertEquals(root.resolve("blobs/ba").resolve(staged.sha256()), file);
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals("the temporary file is gone", List.of(), files(root.resolve("tmp")));
    }

    /** Until the commit, nothing is under blobs/: a crash before it leaves no half file under a hash. */
    @Test
    public void staged_bytes_are_not_in_the_store_before_commit() throws IOException {
        BlobStore.Staged staged = store.stage(new ByteArrayInputStream(new byte[1000]), 2000);
        assertTrue(Files.exists(staged.file()));
        assertEquals(List.of(), files(root.resolve("blobs")));
        assertThrows(BlobStore.Corrupt.class, () -> store.verified(staged.sha256()));
    }

    /** One byte over the limit: refused, and the temporary file is deleted at once. */
    @Test
    public void over_the_limit_is_refused_and_leaves_nothing() throws IOException {
        assertThrows(BlobStore.TooLarge.class, () -> store.stage(new ByteArrayInputStream(new byte[101]), 100));
        assertEquals(List.of(), files(root.resolve("tmp")));
        assertEquals(List.of(), files(root.resolve("blobs")));
    }

    /** The upload is streamed: a 20 MB stream that is never in memory as a whole stages fine. */
    @Test
    public void streams_large_content() throws IOException {
        long size = 20L * 1024 * 1024;
        InputStream endless = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 7 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 7);
                left -= n;
                return n;
            }
        };
        BlobStore.Staged staged = store.stage(endless, size);
        assertEquals(size, Files.size(staged.file()));
    }

    /** A single changed byte on disk: the read is refused. */
    @Test
    public void altered_bytes_are_refused() throws IOException {
        BlobStore.Staged staged = store.stage(new ByteArrayInputStream("Bericht".getBytes(StandardCharsets.UTF_8)),
                100);
        store.commit(staged);
        Files.write(store.path(staged.sha256()), "Bericjt".getBytes(StandardCharsets.UTF_8));

        assertThrows(BlobStore.Corrupt.class, () -> store.verified(staged.sha256()));
    }

    /** The same bytes twice are stored once; an altered copy is replaced by the good one. */
    @Test
    public void same_bytes_are_stored_once_and_repaired() throws IOException {
        byte[] content = "gleich".getBytes(StandardCharsets.UTF_8);
        BlobStore.Staged first = store.stage(new ByteArrayInputStream(content), 100);
        store.commit(first);
        Files.write(store.path(first.sha256()), "anders".getBytes(StandardCharsets.UTF_8));
        BlobStore.Staged second = store.stage(new ByteArrayInputStream(content), 100);
        store.commit(second);

        assertArrayEquals(content, Files.readAllBytes(store.verified(first.sha256())));
        assertEquals(1, files(root.resolve("blobs")).size());
        assertEquals(List.of(), files(root.resolve("tmp")));
    }

    /** Clean-up removes old temporary files and unreferenced blobs, keeps referenced and recent ones. */
    @Test
    public void clean_up_removes_orphans_only() throws IOException {
        BlobStore.Staged kept = store.stage(new ByteArrayInputStream(new byte[] {1}), 10);
        store.commit(kept);
        BlobStore.Staged orphan = store.stage(new ByteArrayInputStream(new byte[] {2}), 10);
        store.commit(orphan);
        BlobStore.Staged leftover = store.stage(new ByteArrayInputStream(new byte[] {3}), 10);
        BlobStore.Staged recent = store.stage(new ByteArrayInputStream(new byte[] {4}), 10);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        for (Path file : List.of(store.path(kept.sha256()), store.path(orphan.sha256()), leftover.file())) {
            Files.setLastModifiedTime(file, old);
        }

        int removed = store.cleanUp(Set.of(kept.sha256()), Instant.parse("2021-01-01T00:00:00Z"));

        assertEquals(2, removed);
        assertTrue(Files.exists(store.path(kept.sha256())));
        assertFalse(Files.exists(store.path(orphan.sha256())));
        assertFalse(Files.exists(leftover.file()));
        assertTrue(Files.exists(recent.file()));
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
