package de.ringportal.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Transactions;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/** The data kit on Derby and PostgreSQL: binding every type and null, generated keys, retries, duplicates. */
@RunWith(BothDatabases.class)
public class SqlTest {

    private static final String ALL = "SELECT id, n_int, n_long, n_double, n_flag, n_text, n_time, n_local, n_date, "
            + "n_kind, n_bytes FROM kit_value";
    private static final String INSERT = "INSERT INTO kit_value (n_int, n_long, n_double, n_flag, n_text, n_time, "
            + "n_local, n_date, n_kind, n_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    enum Kind { PUBLIC, RING }

    /** One row read back whole, with the nulls as nulls. */
    record Value(long id, Integer number, Long big, Double real, Boolean flag, String text, Instant time,
            LocalDateTime local, LocalDate date, String kind, byte[] bytes) {
    }

    private static final RowMapper<Value> VALUE = row -> {
        long big = row.getLong(3);
        Long bigOrNull = row.wasNull() ? null : big;
        double real = row.getDouble(4);
        Double realOrNull = row.wasNull() ? null : real;
        boolean flag = row.getBoolean(5);
        Boolean flagOrNull = row.wasNull() ? null : flag;
        return new Value(row.getLong(1), Columns.nullableInt(row, 2), bigOrNull, realOrNull, flagOrNull,
                row.getString(6), Columns.instant(row, 7), Columns.localDateTime(row, 8), Columns.localDate(row, 9),
                row.getString(10), row.getBytes(11));
    };

    private DataSource dataSource;
    private Sql sql;

    @Before
    public void create() throws SQLException {
        DataSource database = TestDatabase.empty("sql");
        // the one column type the two have not in common: short binary data
        String bytes = TestDatabase.current() == TestDatabase.Kind.DERBY ? "VARCHAR(16) FOR BIT DATA" : "BYTEA";
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kit_value (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "n_int INTEGER, n_long BIGINT, n_double DOUBLE PRECISION, n_flag BOOLEAN, n_text VARCHAR(40), "
                    + "n_time TIMESTAMP, n_local TIMESTAMP, n_date DATE, n_kind VARCHAR(10), n_bytes " + bytes + ")");
            statement.execute("CREATE TABLE kit_slug (slug VARCHAR(20) NOT NULL PRIMARY KEY)");
        }
        dataSource = database;
        sql = Sql.over(database);
    }

    /** A null of every column type is bound with the type the statement expects and read back as null. */
    @Test
    public void null_of_every_type_is_stored_and_read_back_as_null() {
        sql.update(INSERT, null, null, null, null, null, null, null, null, null, null);

        Value stored = sql.first(ALL, VALUE).orElseThrow();

        assertEquals(new Value(stored.id(), null, null, null, null, null, null, null, null, null, null).toString(),
                stored.toString());
        assertNull(stored.bytes());
    }

    /** Each supported Java type goes in and comes out as the same value; an enum is stored by its name. */
    @Test
    public void every_type_is_bound_and_read_back() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime local = LocalDateTime.of(2026, 12, 4, 18, 30);
        LocalDate day = LocalDate.of(2026, 2, 28);

        sql.update(INSERT, 7, 9_000_000_000L, 2.5, true, "Ringtreffen", now, local, day, Kind.RING,
                new byte[] {1, 2, 3});

        Value stored = sql.first(ALL + " WHERE n_kind = ? AND n_date = ? AND n_local = ?", VALUE, Kind.RING, day,
                local).orElseThrow();
        assertEquals(Integer.valueOf(7), stored.number());
        assertEquals(Long.valueOf(9_000_000_000L), stored.big());
        assertEquals(Double.valueOf(2.5), stored.real());
        assertEquals(Boolean.TRUE, stored.flag());
        assertEquals("Ringtreffen", stored.text());
        assertEquals(now, stored.time());
        assertEquals(local, stored.local());
        assertEquals(day, stored.date());
        assertEquals("RING", stored.kind());
        assertArrayEquals(new byte[] {1, 2, 3}, stored.bytes());
    }

    /** An insert answers the identity key the database gave the row, a new one each time. */
    @Test
    public void insert_answers_the_generated_key() {
        long first = sql.write(tx -> tx.insert(INSERT, "id", 1, null, null, null, "a", null, null, null, null, null));
        long second = sql.write(tx -> tx.insert(INSERT, "id", 2, null, null, null, "b", null, null, null, null, null));

        assertTrue(second > first);
        assertEquals("b", sql.first(ALL + " WHERE id = ?", VALUE, second).orElseThrow().text());
        assertEquals(2, sql.count("SELECT COUNT(*) FROM kit_value"));
    }

    /** A deadlock or serialization failure rolls the attempt back and runs the work again, which commits once. */
    @Test
    public void deadlock_and_serialization_failure_are_retried_and_commit_once() {
        AtomicInteger runs = new AtomicInteger();

        String stored = sql.write(tx -> {
            tx.update("INSERT INTO kit_slug (slug) VALUES (?)", "a");
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw new SQLTransactionRollbackException("A lock could not be obtained due to a deadlock", "40XL2");
            }
            if (run == 2) {
                throw new SQLException("could not serialize access", "40001");
            }
            return "a";
        });

        assertEquals("a", stored);
        assertEquals(3, runs.get());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM kit_slug"));
    }

    /** A write that keeps losing is busy, and nothing of it is stored. */
    @Test
    public void a_write_that_keeps_losing_is_busy_and_stores_nothing() {
        AtomicInteger runs = new AtomicInteger();

        assertThrows(StoreBusyException.class, () -> sql.write(tx -> {
            runs.incrementAndGet();
            tx.update("INSERT INTO kit_slug (slug) VALUES (?)", "b");
            throw new SQLException("deadlock detected", "40P01");
        }));

        assertEquals(Transactions.ATTEMPTS, runs.get());
        assertEquals(0, sql.count("SELECT COUNT(*) FROM kit_slug"));
    }

    /** Any other failure is rolled back, not retried, and named as a failed write. */
    @Test
    public void other_write_failures_roll_back_and_are_not_retried() {
        AtomicInteger runs = new AtomicInteger();

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> sql.write(tx -> {
            runs.incrementAndGet();
            tx.update("INSERT INTO kit_slug (slug) VALUES (?)", "c");
            return tx.update("INSERT INTO kit_missing (slug) VALUES (?)", "c");
        }));

        assertEquals(1, runs.get());
        assertTrue(failure.getCause() instanceof SQLException);
        assertEquals(0, sql.count("SELECT COUNT(*) FROM kit_slug"));
    }

    /** A duplicate key behind unlessDuplicate is undone alone; the transaction goes on and commits the rest. */
    @Test
    public void a_duplicate_is_skipped_and_the_transaction_goes_on() {
        List<Optional<Integer>> results = sql.write(tx -> {
            Optional<Integer> first = tx.unlessDuplicate(t -> t.update("INSERT INTO kit_slug (slug) VALUES (?)", "x"));
            Optional<Integer> again = tx.unlessDuplicate(t -> t.update("INSERT INTO kit_slug (slug) VALUES (?)", "x"));
            tx.update("INSERT INTO kit_slug (slug) VALUES (?)", "x-2");
            return List.of(first, again);
        });

        assertEquals(Optional.of(1), results.get(0));
        assertFalse(results.get(1).isPresent());
        assertEquals(List.of("x", "x-2"), sql.list("SELECT slug FROM kit_slug ORDER BY slug", row -> row.getString(1)));
    }

    /** A batch runs one statement per row of parameters, nulls included. */
    @Test
    public void batch_runs_each_row() {
        int[] changed = sql.write(tx -> tx.batch("INSERT INTO kit_value (n_text, n_date) VALUES (?, ?)",
                List.of(new Object[] {"a", LocalDate.of(2026, 1, 1)}, new Object[] {"b", null})));

        assertEquals(2, changed.length);
        assertEquals(1, sql.count("SELECT COUNT(*) FROM kit_value WHERE n_date IS NULL AND n_text = ?", "b"));
    }

    /** A column null in one row, set in the next and null again keeps its type in every row of the batch. */
    @Test
    public void batch_nulls_keep_their_column_type_between_rows() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        sql.write(tx -> tx.batch("INSERT INTO kit_value (n_text, n_date, n_int, n_time) VALUES (?, ?, ?, ?)",
                List.of(new Object[] {"a", null, null, now}, new Object[] {"b", day, 1, null},
                        new Object[] {null, null, null, now}, new Object[] {"d", day, null, null})));

        assertEquals(2, sql.count("SELECT COUNT(*) FROM kit_value WHERE n_date = ?", day));
        assertEquals(2, sql.count("SELECT COUNT(*) FROM kit_value WHERE n_time = ?", now));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM kit_value WHERE n_text IS NULL AND n_int IS NULL"));
    }

    /** Placeholders make the markers of an IN list; an empty list is refused before it becomes invalid SQL. */
    @Test
    public void placeholders_make_an_in_list() {
        sql.update("INSERT INTO kit_slug (slug) VALUES (?)", "a");
        sql.update("INSERT INTO kit_slug (slug) VALUES (?)", "b");
        sql.update("INSERT INTO kit_slug (slug) VALUES (?)", "c");

        assertEquals("?", Sql.placeholders(1));
        assertEquals("?, ?, ?", Sql.placeholders(3));
        assertEquals(List.of("a", "c"), sql.list("SELECT slug FROM kit_slug WHERE slug IN (" + Sql.placeholders(2)
                + ") ORDER BY slug", row -> row.getString(1), "c", "a"));
        assertThrows(IllegalArgumentException.class, () -> Sql.placeholders(0));
    }

    /** A read that fails names its statement, as the stores' own messages did. */
    @Test
    public void a_failed_read_names_the_statement() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> sql.list("SELECT nothing FROM kit_missing", row -> row.getString(1)));

        assertEquals("Query failed: SELECT nothing FROM kit_missing", failure.getMessage());
        assertFalse(sql.first("SELECT slug FROM kit_slug", row -> row.getString(1)).isPresent());
    }
}
