package de.ringportal.auth.internal;

import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/**
 * The sessions as {@code auth_session} stores them: named by the SHA-256 of their id (the id itself never reaches
 * the database), with the account, the login time and the last request that was written down.
 */
final class SessionTable {

    /** A stored session. */
    record Row(int accountId, Instant created, Instant lastSeen) {
    }

    private static final RowMapper<Row> ROW = row -> new Row(row.getInt(1), Columns.instant(row, 2),
            Columns.instant(row, 3));

    private final Sql sql;

    SessionTable(DataSource dataSource) {
        this.sql = Sql.over(dataSource);
    }

    void insert(String idHash, int accountId, Instant now) {
        sql.update("INSERT INTO auth_session (id_hash, account_id, created_at, last_seen) VALUES (?, ?, ?, ?)", idHash,
                accountId, now, now);
    }

    Optional<Row> find(String idHash) {
        return sql.first("SELECT account_id, created_at, last_seen FROM auth_session WHERE id_hash = ?", ROW, idHash);
    }

    /** Writes down a later request; false when the session is gone (ended here or on another node). */
    boolean touch(String idHash, Instant lastSeen) {
        return sql.update("UPDATE auth_session SET last_seen = ? WHERE id_hash = ?", lastSeen, idHash) == 1;
    }

    /** True when there was such a session. */
    boolean delete(String idHash) {
        return sql.update("DELETE FROM auth_session WHERE id_hash = ?", idHash) == 1;
    }

    void deleteAll(int accountId) {
        sql.update("DELETE FROM auth_session WHERE account_id = ?", accountId);
    }

    /** Deletes the sessions idle since before {@code idleBefore} or started before {@code startedBefore}. */
    int purge(Instant idleBefore, Instant startedBefore) {
        return sql.update("DELETE FROM auth_session WHERE last_seen < ? OR created_at < ?", idleBefore, startedBefore);
    }

    long count() {
        return sql.count("SELECT COUNT(*) FROM auth_session");
    }
}
