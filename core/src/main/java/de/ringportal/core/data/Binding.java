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
 * setter, anything else as the driver's {@code setObject}. A {@code null} is bound with the SQL type the statement
 * expects there, as {@link ParameterMetaData} tells it (Derby and PostgreSQL both refuse an untyped null in some
 * places); where the driver cannot tell, as {@code VARCHAR}. This is where further database differences in binding
 * go, not into the modules.
 */
final class Binding {

    private final PreparedStatement statement;
    /** The parameter types the statement expects, read once: PostgreSQL's metadata changes with what is bound. */
    private int[] types;
    private boolean metaDataUnavailable;

    Binding(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Binds the values to the parameters 1..n of the statement, in order. */
    void bind(Object... values) throws SQLException {
        if (types == null && !metaDataUnavailable && java.util.Arrays.asList(values).contains(null)) {
            // before this row binds anything: the types then are those the statement itself needs
            readTypes();
        }
        for (int i = 0; i < values.length; i++) {
            bind(i + 1, values[i]);
        }
    }

    private void bind(int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, nullType(index));
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

    private int nullType(int index) {
        if (types == null && !metaDataUnavailable) {
            readTypes();
        }
        if (types != null && index <= types.length) {
            int type = types[index - 1];
            if (type != Types.NULL && type != Types.OTHER) {
                return type;
            }
        }
        return Types.VARCHAR;
    }

    /**
     * Copies the types out of {@link ParameterMetaData}: on PostgreSQL it is a live view that reports {@code OTHER}
     * once a parameter was bound with a type the driver leaves to the server (a date), so that a later row's null
     * would go in as {@code VARCHAR} and be refused for a date column.
     */
    private void readTypes() {
        try {
            ParameterMetaData metaData = statement.getParameterMetaData();
            int[] read = new int[metaData.getParameterCount()];
            for (int i = 0; i < read.length; i++) {
                read[i] = metaData.getParameterType(i + 1);
            }
            types = read;
        } catch (SQLException | UnsupportedOperationException e) {
            // a driver that cannot describe its parameters: VARCHAR, for every parameter of this statement
            metaDataUnavailable = true;
        }
    }
}
