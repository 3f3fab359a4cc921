package de.ringportal.core.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.ringportal.core.api.Transactions;

/**
 * One transaction's connection, as {@link Sql#write} hands it to a {@link Work}; only {@code Sql} makes one, and it
 * commits or rolls back. Every statement is prepared, its parameters bound as the package description says. The
 * methods throw {@link SQLException} on purpose: a conflict with another writer must reach {@code Sql.write}, which
 * runs the work again.
 */
public final class Tx {

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    /** Every row of a query, mapped, in the order the query gives them. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        return list(connection, sql, mapper, 0, parameters);
    }

    /** The first row of a query, mapped; empty when there is none. */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        return list(connection, sql, mapper, 1, parameters).stream().findFirst();
    }

    /** The number in the first column of the first row ({@code SELECT COUNT(*) ...}); 0 when there is no row. */
    public long count(String sql, Object... parameters) throws SQLException {
        return count(connection, sql, parameters);
    }

    /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE}; the number of rows it changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            new Binding(statement).bind(parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs one statement once for each row of parameters, as one JDBC batch; the rows each changed. */
    public int[] batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Binding binding = new Binding(statement);
            for (Object[] row : rows) {
                binding.bind(row);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /**
     * Runs an {@code INSERT} of one row and answers the key the database generated for it in {@code keyColumn}
     * (an identity column: {@code GENERATED ALWAYS AS IDENTITY} on Derby and PostgreSQL alike). The column is named
     * as it is created, lower case; how each driver is asked for it is decided here.
     */
    public long insert(String sql, String keyColumn, Object... parameters) throws SQLException {
        try (PreparedStatement statement = Dialect.of(connection).prepareForKey(connection, sql, keyColumn)) {
            new Binding(statement).bind(parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No key was generated in " + keyColumn + ": " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Runs {@code work} (an insert, typically) behind a savepoint; when it breaks a unique key, undoes just that and
     * answers empty, and this transaction goes on ({@link Transactions#unlessDuplicate}).
     */
    public <T> Optional<T> unlessDuplicate(Work<T> work) throws SQLException {
        return Transactions.unlessDuplicate(connection, same -> work.run(this));
    }

    /**
     * The transaction's connection itself, for what the methods above do not cover: streams and large objects. Do
     * not commit, roll back or close it; {@link Sql#write} does.
     */
    public Connection connection() {
        return connection;
    }

    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, int maxRows,
            Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            new Binding(statement).bind(parameters);
            if (maxRows > 0) {
                statement.setMaxRows(maxRows);
            }
            List<T> mapped = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    mapped.add(mapper.map(rows));
                }
            }
            return mapped;
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            new Binding(statement).bind(parameters);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
