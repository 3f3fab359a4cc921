package de.ringportal.core.backup.internal;

import java.sql.Types;

/**
 * How a column's values are written in the backup, chosen from its JDBC type so that the same file reads back into
 * Derby or PostgreSQL: numbers as JSON numbers (decimals as text, exact), text as JSON strings of any length,
 * binary data in Base64, dates and times in ISO 8601.
 */
enum Kind {
    BOOLEAN, INTEGER, DECIMAL, FLOAT, TEXT, BINARY, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ;

    static Kind of(int jdbcType) {
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOAT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            case Types.DATE -> DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
            default -> TEXT; // CHAR, VARCHAR, CLOB, and whatever else reads as a string
        };
    }
}
