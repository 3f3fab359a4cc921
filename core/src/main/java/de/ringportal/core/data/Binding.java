package de.ringportal.core.data;

import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The one place where a Java value becomes a statement parameter. {@code Instant} and {@code LocalDateTime} go in as
 * {@code TIMESTAMP}, {@code LocalDate} as {@code DATE}, an enum as its {@code name()}, the plain types with their own
 * setter, anything else as the driver's {@code setObject}. A {@code null} is bound on Derby with the SQL type the
 * statement expects there, as {@link ParameterMetaData} tells it (Derby refuses an untyped null), where the driver
 * cannot tell as {@code VARCHAR}; on PostgreSQL untyped, and the server types it from where it stands
 * ({@link Dialect#infersNullTypes}). This is where further database differences in binding go, not into the
 * modules.
 */
final class Binding {

    private final PreparedStatement statement;
    private Dialect dialect;
    private ParameterMetaData metaData;
    private boolean metaDataUnavailable;

    Binding(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Binds the values to the parameters 1..n of the statement, in order. */
    void bind(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(i + 1, values[i]);
        }
    }

    private void bind(int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, dialect().infersNullTypes() ? Types.NULL : nullType(index));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof LocalDateTime time) {
            statement.setTimestamp(index, Timestamp.valueOf(time));
        } else if (value instanceof LocalDate date) {
            statement.setDate(index, Date.valueOf(date));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, value);
        }
    }

    private Dialect dialect() throws SQLException {
        if (dialect == null) {
            dialect = Dialect.of(statement.getConnection());
        }
        return dialect;
    }

    private int nullType(int index) {
        if (!metaDataUnavailable) {
            try {
                if (metaData == null) {
                    metaData = statement.getParameterMetaData();
                }
                int type = metaData.getParameterType(index);
                if (type != Types.NULL && type != Types.OTHER) {
                    return type;
                }
            } catch (SQLException | UnsupportedOperationException e) {
                // a driver that cannot describe its parameters: the fallback below, for every parameter of this statement
                metaDataUnavailable = true;
            }
        }
        return Types.VARCHAR;
    }
}
