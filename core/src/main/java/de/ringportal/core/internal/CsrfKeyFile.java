package de.ringportal.core.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The key that signs the CSRF tokens, kept in the data directory ({@value #NAME}, readable by its owner only), so
 * that a form loaded before a restart still posts after it, as the login session it is bound to lives on in the
 * database. Created on the first start; a file of the wrong size is replaced.
 */
final class CsrfKeyFile {

    static final String NAME = "csrf.key";
    static final int BYTES = 32;

    private CsrfKeyFile() {
    }

    /** The key stored in {@code dataDir}, created there (atomically, owner-only) when it is missing or damaged. */
    static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        if (Files.isRegularFile(file) && Files.size(file) == BYTES) {
            return Files.readAllBytes(file);
        }
        Files.createDirectories(dataDir);
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path fresh = Files.createTempFile(dataDir, NAME, ".new");
        try {
            ownerOnly(fresh);
            Files.write(fresh, key);
            try {
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(fresh);
        }
        return key;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the data directory's own protection applies
        } catch (FileAlreadyExistsException e) {
            throw new IOException(e);
        }
    }
}
