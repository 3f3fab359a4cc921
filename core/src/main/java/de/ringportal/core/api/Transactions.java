package de.ringportal.core.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs a store's write as one JDBC transaction and runs it again when the database refused it only because other
 * writes were in the way (serialization failure, deadlock, lock timeout), a bounded number of times; after that,
 * {@link StoreBusyException}. The same code is right on Derby and PostgreSQL: a unique key that another writer won
 * is undone behind a savepoint with {@link #unlessDuplicate}, so the transaction goes on with another value.
 */
public final class Transactions {

    /** How often a transaction runs at most before the write counts as busy. */
    public static final int ATTEMPTS = 5;

    /** SQLStates of a transaction lost to another: 40001 serialization, 40P01 deadlock (PostgreSQL), 40XL1 lock
     * timeout and 40XL2 deadlock (Derby). */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "40XL1", "40XL2");
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * A transaction's work. It may run more than once, so it changes nothing but the database through the
     * connection it is given, and builds its result from what it wrote or read there: nothing after the commit can
     * fail.
     */
    @ConsumerType
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction and commits it; rolls back on any failure. Retries on a transient conflict
     * up to {@link #ATTEMPTS} times in all.
     *
     * @throws StoreBusyException when every attempt lost to other writers (nothing is stored)
     * @throws SQLException       any other database failure, after the rollback
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return inTransaction(dataSource, ATTEMPTS, work);
    }

    static <T> T inTransaction(DataSource dataSource, int attempts, Work<T> work) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                return once(dataSource, work);
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new StoreBusyException(e);
                }
                pause(attempt);
            }
        }
    }

    private static <T> T once(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Runs {@code work} (an insert, typically) behind a savepoint inside the caller's transaction; when it breaks a
     * unique key, undoes just that and answers empty, and the transaction goes on (PostgreSQL would otherwise
     * refuse every further statement).
     */
    public static <T> Optional<T> unlessDuplicate(Connection connection, Work<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            return Optional.empty();
        }
        connection.releaseSavepoint(savepoint);
        return Optional.of(result);
    }

    /** Did the database refuse this because another transaction was in the way (worth running again)? */
    public static boolean isTransient(SQLException failure) {
        return failure instanceof SQLTransactionRollbackException || hasState(failure, TRANSIENT);
    }

    /** Did the database refuse this because a unique key or primary key already holds the value? */
    public static boolean isDuplicate(SQLException failure) {
        return hasState(failure, Set.of(UNIQUE_VIOLATION));
    }

    private static boolean hasState(SQLException failure, Set<String> states) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && states.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A short, growing, random pause, so that writers that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
