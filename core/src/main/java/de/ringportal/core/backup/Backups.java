package de.ringportal.core.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Backups of the running portal, one at a time, each written in the background to the data directory's
 * {@code backups} folder (only the newest is kept). The administration page starts one, shows its {@link State}
 * until it is done and then offers the file for download.
 */
@ProviderType
public interface Backups {

    /** Where a backup stands. */
    enum Phase {
        /** None has been made since the portal started. */
        NONE,
        /** One is being written. */
        RUNNING,
        /** The newest one is ready: {@link #file()}. */
        DONE,
        /** The last attempt failed: {@link State#message()} says why (German). */
        FAILED
    }

    /**
     * The state of the current or last backup.
     *
     * @param message what is happening now, or why it failed (German); empty when there is nothing to say
     */
    record State(Phase phase, Instant started, Instant finished, String fileName, long size, String message) {
    }

    /** The state of the current or last backup. */
    State state();

    /** Starts a backup in the background, unless one is running already; answers the state after that. */
    State start();

    /** The file of the newest finished backup, if there is one. */
    Optional<Path> file();
}
