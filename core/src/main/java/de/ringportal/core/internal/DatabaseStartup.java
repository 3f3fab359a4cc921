package de.ringportal.core.internal;

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
 * while another process has the database open it cannot boot at all; a PostgreSQL server may still be starting. Each
 * failed attempt is logged with how long the portal has been waiting and tried again after a pause that doubles up to
 * {@link #LONGEST_PAUSE}, unless the {@link DatabaseBackend#giveUp backend gives up} (a refused password, a server
 * unreachable for too long): then one German error line says why, and {@link #fatal()} holds. Once the pool is open
 * it goes to the consumer, once; until then {@link #reason()} says in German what the portal is waiting for.
 */
final class DatabaseStartup implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final DatabaseBackend backend;
    private final Predicate<HikariDataSource> consumer;
    private final long started = System.nanoTime();
    private volatile boolean leftOpen;
    private volatile String lastFailure;
    private volatile String fatal;
    private volatile boolean opened;
    /** Counted down by {@link #stop()}: wakes a pause without interrupting (Derby closes a connection on interrupt). */
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param consumer takes the open pool and answers whether it keeps it; when it does not (the component was
     *                 deactivated meanwhile), the pool is closed here
     */
    DatabaseStartup(DatabaseBackend backend, Predicate<HikariDataSource> consumer) {
        this.backend = backend;
        this.consumer = consumer;
    }

    @Override
    public void run() {
        String where = backend.where();
        leftOpen = backend.wasLeftOpen();
        if (leftOpen) {
            LOG.warn("Database at {} was not shut down cleanly (or another process has it open): starting it waits"
                    + " for Derby's crash recovery, which can take minutes on a loaded machine", where);
        } else {
            LOG.info("Starting the database at {}", where);
        }
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; stopped.getCount() > 0; attempt++) {
            HikariDataSource pool;
            try {
                pool = backend.open();
            } catch (SQLException | RuntimeException e) {
                lastFailure = describe(e);
                String giveUp = backend.giveUp(e, Duration.ofNanos(System.nanoTime() - started));
                if (giveUp != null) {
                    fatal = giveUp;
                    LOG.error("Datenbank nicht verfügbar, das Portal startet nicht: {}", giveUp);
                    return;
                }
                pause = shortened(pause);
                LOG.warn("Database at {} not available after waiting {} s (attempt {}), trying again in {} ms: {}",
                        where, waitedSeconds(), attempt, pause.toMillis(), lastFailure);
                if (!pause(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                continue;
            }
            LOG.info("Database ready at {} after {} s", where, waitedSeconds());
            opened = true;
            if (!consumer.test(pool)) {
                pool.close();
            }
            return;
        }
        LOG.info("Stopped waiting for the database at {} after {} s", where, waitedSeconds());
    }

    /** The pause, but no longer than the backend's patience leaves: the last attempt comes when it runs out. */
    private Duration shortened(Duration pause) {
        Duration patience = backend.patience();
        if (patience == null) {
            return pause;
        }
        Duration left = patience.minus(Duration.ofNanos(System.nanoTime() - started));
        return left.isNegative() ? Duration.ZERO : left.compareTo(pause) < 0 ? left : pause;
    }

    /** Ends the waiting at the next chance, cutting a pause short; an attempt under way runs to its end. */
    void stop() {
        stopped.countDown();
    }

    /** What the portal is waiting for, in German, for the health page and through it the launcher. */
    String reason() {
        if (fatal != null) {
            return fatal;
        }
        if (opened) {
            return "Die Datenbank ist geöffnet; die Module richten sich darin ein.";
        }
        String failure = lastFailure;
        return "Die Datenbank startet seit " + waitedSeconds() + " s"
                + (leftOpen ? " (sie wurde nicht sauber beendet: Derby stellt sie erst wieder her, das kann"
                        + " einige Minuten dauern; oder ein anderer Prozess hat sie geöffnet)" : "")
                + (failure == null ? "." : ". Letzter Fehler: " + failure);
    }

    /** The German reason the start gave up for good, or null while it waits or once it opened. */
    String fatal() {
        return fatal;
    }

    long waitedSeconds() {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    /** The innermost message: Derby and the pool wrap the one that says why (another instance has booted it...). */
    static String describe(Throwable failure) {
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
