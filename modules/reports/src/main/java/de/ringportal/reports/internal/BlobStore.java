package de.ringportal.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of the library, each stored once under its SHA-256 ({@code blobs/ab/abcdef...}). An upload is streamed
 * into {@code tmp/} while it is hashed and counted (never held in memory), forced to disk, and then moved into place
 * in one atomic rename: a crash leaves at most a temporary file, which {@link #cleanUp} removes, never a half file
 * under a hash. Every read checks the bytes against their hash first.
 */
final class BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    /** A file in {@code tmp/}, hashed and on disk, not yet in the store. */
    record Staged(Path file, String sha256, long size) {
    }

    /** The upload is larger than allowed; nothing of it is kept. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("More than " + limit + " bytes");
        }
    }

    /** The stored bytes are missing or no longer match their hash. */
    static final class Corrupt extends IOException {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message);
        }
    }

    private final Path blobs;
    private final Path tmp;

    BlobStore(Path root) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("blobs"));
        this.tmp = Files.createDirectories(root.resolve("tmp"));
    }

    /** Streams {@code content} to a temporary file, hashing it; more than {@code limit} bytes are refused. */
    Staged stage(InputStream content, long limit) throws IOException {
        Path file = Files.createTempFile(tmp, "upload-", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = content.read(buffer)) >= 0;) {
                size += read;
                if (size > limit) {
                    throw new TooLarge(limit);
                }
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Staged(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Deletes a staged file that will not be stored. */
    void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary upload {}: {}", staged.file(), e.getMessage());
        }
    }

    /**
     * Moves a staged file to its place under its hash, atomically. When the same bytes are stored already, the staged
     * copy is dropped (and an existing copy that no longer matches its hash is replaced by the good one).
     */
    void commit(Staged staged) throws IOException {
        Path target = path(staged.sha256());
        Files.createDirectories(target.getParent());
        if (Files.exists(target) && matches(target, staged.sha256())) {
            discard(staged);
            return;
        }
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The data directory cannot rename atomically: " + blobs, e);
        }
        forceDirectory(target.getParent());
    }

    /** The stored file, after checking its bytes against the hash; {@link Corrupt} when missing or altered. */
    Path verified(String sha256) throws IOException {
        Path file = path(sha256);
        try {
            if (!matches(file, sha256)) {
                LOG.error("Stored file {} does not match its SHA-256: refused, not served", file);
                throw new Corrupt("Stored bytes of " + sha256 + " were altered");
            }
        } catch (NoSuchFileException e) {
            LOG.error("Stored file {} is missing", file);
            throw new Corrupt("Stored file " + sha256 + " is missing");
        }
        return file;
    }

    /** Removes the bytes with this hash (once no version refers to them); false when there were none. */
    boolean delete(String sha256) throws IOException {
        Path file = path(sha256);
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            forceDirectory(file.getParent());
        }
        return deleted;
    }

    /** Writes the bytes of {@code range} of a stored file to {@code out}, reading 64 KB at a time. */
    static void copy(Path file, ByteRange range, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = range.first();
            long remaining = range.length();
            while (remaining > 0) {
                buffer.clear();
                if (remaining < buffer.capacity()) {
                    buffer.limit((int) remaining);
                }
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    target.write(buffer);
                }
                position += read;
                remaining -= read;
            }
        }
    }

    /** Where the bytes with this hash live. */
    Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Removes what a crash or a failed database write left behind: temporary uploads, and stored files that no
     * record refers to. Only files last changed before {@code before}, so an upload in progress is left alone.
     */
    int cleanUp(Set<String> referenced, Instant before) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> staged = Files.newDirectoryStream(tmp)) {
            for (Path file : staged) {
                removed += deleteIfOlder(file, before);
            }
        }
        try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(blobs, Files::isDirectory)) {
            for (Path prefix : prefixes) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(prefix)) {
                    for (Path file : files) {
                        if (!referenced.contains(file.getFileName().toString())) {
                            removed += deleteIfOlder(file, before);
                        }
                    }
                }
            }
        }
        return removed;
    }

    private static int deleteIfOlder(Path file, Instant before) throws IOException {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
            Files.deleteIfExists(file);
            LOG.info("Removed orphaned file {}", file);
            return 1;
        }
        return 0;
    }

    private static boolean matches(Path file, String sha256) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int read; (read = in.read(buffer)) >= 0;) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    /** Makes the rename itself durable (POSIX); where a directory cannot be opened, there is nothing to force. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot force directory {}: {}", directory, e.getMessage());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
