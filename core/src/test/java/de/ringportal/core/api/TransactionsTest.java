package de.ringportal.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/** The transaction helper on Derby and PostgreSQL: what is retried, what is rolled back, what goes on. */
@RunWith(BothDatabases.class)
public class TransactionsTest {

    private DataSource dataSource;

    @Before
    public void create() throws SQLException {
        DataSource database = TestDatabase.empty("transactions");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (slug VARCHAR(20) NOT NULL PRIMARY KEY)");
        }
        dataSource = database;
    }

    /** A lock timeout rolls the attempt back and runs the work again, which then commits once. */
    @Test
    public void lock_timeout_is_retried_and_commits_once() throws SQLException {
        AtomicInteger runs = new AtomicInteger();

        String stored = Transactions.inTransaction(dataSource, connection -> {
            insert(connection, "a");
            if (runs.incrementAndGet() < 3) {
                throw new SQLTransactionRollbackException("A lock could not be obtained", "40XL1");
            }
            return "a";
        });

        assertEquals("a", stored);
        assertEquals(3, runs.get());
        assertEquals(1, count());
    }

    /** When every attempt loses, the caller gets the busy exception and nothing is stored. */
    @Test
    public void exhausted_retries_are_busy_and_store_nothing() throws SQLException {
        AtomicInteger runs = new AtomicInteger();

        StoreBusyException busy = assertThrows(StoreBusyException.class,
                () -> Transactions.inTransaction(dataSource, connection -> {
                    runs.incrementAndGet();
                    insert(connection, "b");
                    throw new SQLException("deadlock", "40001");
                }));

        assertEquals(Transactions.ATTEMPTS, runs.get());
        assertEquals("40001", ((SQLException) busy.getCause()).getSQLState());
        assertEquals(0, count());
    }

    /** Any other failure is not retried: it reaches the caller after the rollback. */
    @Test
    public void other_failures_are_rolled_back_not_retried() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        SQLException broken = new SQLException("syntax", "42X01");

        SQLException thrown = assertThrows(SQLException.class,
                () -> Transactions.inTransaction(dataSource, connection -> {
                    runs.incrementAndGet();
                    insert(connection, "c");
                    throw broken;
                }));

        assertSame(broken, thrown);
        assertEquals(1, runs.get());
        assertEquals(0, count());
    }

    /** A duplicate key behind a savepoint is undone alone; the transaction goes on and commits the next value. */
    @Test
    public void duplicate_key_is_undone_and_the_transaction_goes_on() throws SQLException {
        Transactions.inTransaction(dataSource, connection -> insert(connection, "d"));

        String stored = Transactions.inTransaction(dataSource, connection -> {
            Optional<String> first = Transactions.unlessDuplicate(connection, c -> insert(c, "d"));
            assertTrue(first.isEmpty());
            return Transactions.unlessDuplicate(connection, c -> insert(c, "d-2")).orElseThrow();
        });

        assertEquals("d-2", stored);
        assertEquals(2, count());
    }

    private static String insert(Connection connection, String slug) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO note (slug) VALUES (?)")) {
            insert.setString(1, slug);
            insert.executeUpdate();
        }
        return slug;
    }

    private int count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM note")) {
            row.next();
            return row.getInt(1);
        }
    }
}
