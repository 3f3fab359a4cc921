package de.ringportal.rings.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Transactions;

/** The JDBC plumbing of {@link RingStore} and {@link RingAreaStore}: queries, updates, retried transactions. */
final class Jdbc {

    private Jdbc() {
    }

    /** Maps the current row. */
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> query(DataSource dataSource, String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, mapper, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /** The first column of the only row, as a number: {@code SELECT COUNT(*) ...}. */
    static int count(DataSource dataSource, String sql, Object... parameters) {
        return query(dataSource, sql, row -> row.getInt(1), parameters).get(0);
    }

    /**
     * Runs a write in one transaction, again when other writes were in the way ({@link StoreBusyException} when
     * they stayed).
     */
    static <T> T write(DataSource dataSource, String failure, Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
