package de.ringportal.core.data;

import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A transaction's work, given to {@link Sql#write}. It may run more than once (when other writers were in the way),
 * so it changes nothing but the database through the {@link Tx} it is given and builds its result from what it read
 * or wrote there. An {@link SQLException} it throws rolls the transaction back (and runs it again if it was a
 * conflict); so does any runtime exception, which then reaches the caller unchanged.
 */
@ConsumerType
@FunctionalInterface
public interface Work<T> {

    T run(Tx tx) throws SQLException;
}
