package de.ringportal.core.data;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Reads the columns that JDBC gives back awkwardly: times as {@code java.time} values and nullable numbers as
 * {@code null} rather than 0. Each answers {@code null} for SQL {@code NULL}. Columns count from 1.
 */
public final class Columns {

    private Columns() {
    }

    /** A {@code TIMESTAMP} column as the instant it stores (the JVM's zone, as {@link Sql} binds an instant). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A {@code DATE} column. */
    public static LocalDate localDate(ResultSet row, int column) throws SQLException {
        Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    /** A {@code TIMESTAMP} column as a wall-clock time (no zone). */
    public static LocalDateTime localDateTime(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }

    /** An {@code INTEGER} column that may be {@code NULL}. */
    public static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
