package de.ringportal.core.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Transactions;

/**
 * A store's way to its tables: reads on a connection of their own, writes in a transaction that runs again when
 * other writers were in the way. A store keeps one, made in its constructor from the portal's data source:
 * <pre>{@code
 * private static final RowMapper<Event> EVENT = row -> new Event(row.getInt(1), row.getString(2), ...);
 * Optional<Event> byId(int id) { return sql.first("SELECT ... FROM events_event WHERE id = ?", EVENT, id); }
 * int add(Event e) { return (int) sql.write(tx -> tx.insert("INSERT INTO events_event (...) VALUES (?, ?)", "id", ...)); }
 * }</pre>
 * Failures do not come as {@link SQLException}: a failed read or write is an {@link IllegalStateException} naming the
 * statement, a write that stayed busy a {@link StoreBusyException} (nothing stored, the page says so with 503).
 */
public final class Sql {

    private final DataSource dataSource;

    private Sql(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public static Sql over(DataSource dataSource) {
        return new Sql(dataSource);
    }

    /** Every row of a query, mapped, in the order the query gives them. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Tx.list(connection, sql, mapper, 0, parameters);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row of a query, mapped; empty when there is none. */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Tx.list(connection, sql, mapper, 1, parameters).stream().findFirst();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The number in the first column of the first row ({@code SELECT COUNT(*) ...}); 0 when there is no row. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return Tx.count(connection, sql, parameters);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * Runs one {@code INSERT}, {@code UPDATE} or {@code DELETE} in a transaction of its own (run again on a conflict);
     * the number of rows it changed.
     *
     * @throws StoreBusyException when other writers stayed in the way (nothing changed)
     */
    public int update(String sql, Object... parameters) {
        try {
            return Transactions.inTransaction(dataSource, connection -> new Tx(connection).update(sql, parameters));
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }

    /**
     * Runs {@code work} in one transaction and commits it; rolls it back on any failure and runs it again (a few
     * times, after a short pause) when the database refused it because of other writers: serialization failure,
     * deadlock or lock timeout (SQLState 40001, 40P01, 40XL1, 40XL2).
     *
     * @return what the work answered
     * @throws StoreBusyException   when every attempt lost to other writers (nothing is stored)
     * @throws IllegalStateException any other database failure, after the rollback
     */
    public <T> T write(Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, connection -> work.run(new Tx(connection)));
        } catch (SQLException e) {
            throw new IllegalStateException("Write failed: " + e.getMessage(), e);
        }
    }

    /** {@code n} parameter markers for an {@code IN (...)} list: {@code "?, ?, ?"}; at least one. */
    public static String placeholders(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("An IN list needs at least one value, not " + n);
        }
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException("Query failed: " + sql, e);
    }
}
