package de.ringportal.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Notices a database server going away while the portal runs, and coming back: one connection of its own, outside
 * the pool, checked every {@link #PERIOD}. While it is lost, {@link #problem()} says why in German (the pages answer
 * 503 and {@code /health} says DOWN instead of each request waiting for the pool's timeout); once a new connection
 * works, the pool drops the connections the server closed and the portal serves again, without a restart. A request
 * that fails with a connection error reports it at once ({@link #lost(SQLException)}).
 */
final class ConnectionWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);
    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int VALID_SECONDS = 2;

    private final DataSource server;
    private final HikariDataSource pool;
    private final String where;
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Connection connection;
    /** Null while the server answers; else since when it does not, and why. */
    private volatile Lost lost;

    private record Lost(long sinceNanos, String why) {
    }

    /** @param server opens connections outside the pool; {@code where} names it in the log, without secrets */
    ConnectionWatch(DataSource server, HikariDataSource pool, String where) {
        this.server = server;
        this.pool = pool;
        this.where = where;
        this.thread = new Thread(this::watch, "ringportal-database-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * True for a failure that means the connection to the server is gone (SQLState class 08, or the server shutting
     * down: 57P01 to 57P03), which a request answers with 503; false for any other failure.
     */
    static boolean isConnectionLoss(Throwable failure) {
        String state = PostgresPool.sqlState(failure);
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** Null while the server answers; else, in German, since when and why the portal has no database. */
    String problem() {
        Lost now = lost;
        return now == null ? null : "Die Verbindung zur Datenbank ist seit "
                + Duration.ofNanos(System.nanoTime() - now.sinceNanos()).toSeconds() + " s unterbrochen ("
                + now.why() + "). Das Portal verbindet sich wieder, sobald der Server erreichbar ist.";
    }

    /** A request saw the connection break: pages answer 503 until the next check finds the server back. */
    void lost(SQLException failure) {
        markLost(DatabaseStartup.describe(failure));
    }

    private void watch() {
        while (closed.getCount() > 0) {
            try {
                if (connection == null || !connection.isValid(VALID_SECONDS)) {
                    closeConnection();
                    connection = server.getConnection();
                }
                if (lost != null) {
                    lost = null;
                    // the server closed every pooled connection: do not hand them out again
                    pool.getHikariPoolMXBean().softEvictConnections();
                    LOG.info("Datenbank {} wieder erreichbar", where);
                }
            } catch (SQLException | RuntimeException e) {
                closeConnection();
                markLost(DatabaseStartup.describe(e));
            }
            try {
                closed.await(PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeConnection();
    }

    private synchronized void markLost(String why) {
        if (lost == null) {
            lost = new Lost(System.nanoTime(), why);
            LOG.warn("Datenbank {} nicht erreichbar: {}. Seiten antworten mit 503, bis sie wieder antwortet.", where,
                    why);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it is broken already
            }
            connection = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed.countDown();
        thread.join(TimeUnit.SECONDS.toMillis(VALID_SECONDS + 5));
    }
}
