package de.ringportal.core.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the portal's two databases differ in JDBC, decided in this one place, so that a store never asks which
 * database it runs on: how a generated key is asked for, and how a {@code null} parameter is typed.
 */
enum Dialect {

    /** Embedded Derby, the default. */
    DERBY,
    /** PostgreSQL, for a site that outgrew Derby. */
    POSTGRESQL;

    static Dialect of(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? POSTGRESQL : DERBY;
    }

    /** A statement that gives back the key the database generates in {@code keyColumn} (lower case, as created). */
    PreparedStatement prepareForKey(Connection connection, String sql, String keyColumn) throws SQLException {
        if (this == DERBY) {
            // Derby reports the identity column of the insert and matches column names in upper case only
            return connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        }
        // PostgreSQL appends RETURNING <column>; asking for all generated keys would return every column
        return connection.prepareStatement(sql, new String[] {keyColumn});
    }

    /**
     * Does the database infer a {@code null} parameter's type from where it stands? PostgreSQL does, for an untyped
     * null ({@code Types.NULL}), and its driver's parameter metadata follows what was bound before (in a batch, a
     * {@code VARCHAR} null of one row would type the next row's date column); Derby needs the type the statement
     * expects, from the parameter metadata.
     */
    boolean infersNullTypes() {
        return this == POSTGRESQL;
    }
}
