package de.ringportal.core.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens the database however long it takes, on its own thread: after a crash Derby runs its recovery first, and
 * while another process has the database open it cannot boot at all. Each failed attempt is logged with how long the
 * portal has been waiting and tried again after a pause that doubles up to {@link #LONGEST_PAUSE}. Once the pool is
 * open it goes to the consumer, once; until then {@link #reason()} says in German what the portal is waiting for.
 */
final class DatabaseStartup implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /** Opens the pool; a seam for tests, {@link DerbyPool#open} in the portal. */
    @FunctionalInterface
    interface Opener {
        HikariDataSource open() throws SQLException;
    }

    private final Path directory;
    private final Opener opener;
    private final Predicate<HikariDataSource> consumer;
    private final long started = System.nanoTime();
    private volatile boolean leftOpen;
    private volatile String lastFailure;
    private volatile boolean opened;
    /** Counted down by {@link #stop()}: wakes a pause without interrupting (Derby closes a connection on interrupt). */
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param consumer takes the open pool and answers whether it keeps it; when it does not (the component was
     *                 deactivated meanwhile), the pool is closed here
     */
    DatabaseStartup(Path directory, Opener opener, Predicate<HikariDataSource> consumer) {
        this.directory = directory;
        this.opener = opener;
        this.consumer = consumer;
    }

    @Override
    public void run() {
        leftOpen = DerbyPool.wasLeftOpen(directory);
        if (leftOpen) {
            LOG.warn("Database at {} was not shut down cleanly (or another process has it open): starting it waits"
                    + " for Derby's crash recovery, which can take minutes on a loaded machine", directory);
        } else {
            LOG.info("Starting the database at {}", directory);
        }
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; stopped.getCount() > 0; attempt++) {
            HikariDataSource pool;
            try {
                pool = opener.open();
            } catch (SQLException | RuntimeException e) {
                lastFailure = describe(e);
                LOG.warn("Database at {} not available after waiting {} s (attempt {}), trying again in {} ms: {}",
                        directory, waitedSeconds(), attempt, pause.toMillis(), lastFailure);
                if (!pause(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                continue;
            }
            LOG.info("Database ready at {} after {} s", directory, waitedSeconds());
            opened = true;
            if (!consumer.test(pool)) {
                pool.close();
            }
            return;
        }
        LOG.info("Stopped waiting for the database at {} after {} s", directory, waitedSeconds());
    }

    /** Ends the waiting at the next chance, cutting a pause short; an attempt under way runs to its end. */
    void stop() {
        stopped.countDown();
    }

    /** What the portal is waiting for, in German, for the health page and through it the launcher. */
    String reason() {
        if (opened) {
            return "Die Datenbank ist geöffnet; die Module richten sich darin ein.";
        }
        String failure = lastFailure;
        return "Die Datenbank startet seit " + waitedSeconds() + " s"
                + (leftOpen ? " (sie wurde nicht sauber beendet: Derby stellt sie erst wieder her, das kann"
                        + " einige Minuten dauern; oder ein anderer Prozess hat sie geöffnet)" : "")
                + (failure == null ? "." : ". Letzter Fehler: " + failure);
    }

    long waitedSeconds() {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    /** The innermost message: Derby and the pool wrap the one that says why (another instance has booted it...). */
    private static String describe(Throwable failure) {
        Throwable inner = failure;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        return inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
    }

    /** False when stopped or interrupted meanwhile: the component is being deactivated. */
    private boolean pause(Duration pause) {
        try {
            return !stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
