package de.ringportal.core.data;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns the current row of a result into one value (a record, typically); it reads the row only and never moves the
 * cursor. Columns that may be null or hold times are read with {@link Columns}.
 */
@ConsumerType
@FunctionalInterface
public interface RowMapper<T> {

    T map(ResultSet row) throws SQLException;
}
