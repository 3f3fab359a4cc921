/**
 * JDBC for the feature bundles' stores without the ceremony: {@link de.ringportal.core.data.Sql} reads rows through a
 * {@link de.ringportal.core.data.RowMapper} and writes in a transaction that is run again when other writers were in
 * the way ({@link de.ringportal.core.api.Transactions}); inside it, {@link de.ringportal.core.data.Tx} reads, writes,
 * inserts with a generated key and skips a duplicate behind a savepoint. Parameters are bound in one place
 * ({@code Instant}, {@code LocalDateTime}, {@code LocalDate}, enums, {@code null}), columns are read back with
 * {@link de.ringportal.core.data.Columns}. The SQL a module writes stays portable (Derby and PostgreSQL: standard
 * joins, {@code FETCH FIRST n ROWS ONLY}, no vendor functions); where the two databases differ in JDBC, this package
 * hides it (the type of a bound {@code null}, how a generated key is asked for), so that a module never asks which
 * database it runs on.
 */
@Version("1.0.0")
@Export
package de.ringportal.core.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
