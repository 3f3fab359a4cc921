package de.ringportal.auth.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.Sql;
import de.ringportal.core.data.Tx;

/**
 * Failed logins in the database ({@code auth_login_failure}), so that a lock or a throttle outlasts a restart and
 * holds on every node: per user name, known or not, a count of failures in a row and a running lock; per client
 * address, a count within a time window. Each count is one atomic {@code UPDATE} (or the first {@code INSERT}), so
 * parallel failures, here or on another node, are each counted.
 */
@Component(service = LoginFailures.class)
public class LoginFailures {

    static final String USER = "user";
    static final String CLIENT = "client";
    /** A user name's failures that a day without any has not turned into a lock are forgotten. */
    static final Duration FORGIVEN_AFTER = Duration.ofDays(1);
    private static final int KEY_LENGTH = 64;

    private final Sql sql;

    /** @param schema keeps this component inactive until the tables exist */
    @Activate
    public LoginFailures(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=auth)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
    }

    /** The end of the user name's lock, when one runs at {@code now}. */
    public Optional<Instant> lockedUntil(String userName, Instant now) {
        return sql.first("SELECT locked_until FROM auth_login_failure WHERE kind = ? AND login_key = ? "
                + "AND locked_until > ?", row -> Columns.instant(row, 1), USER, key(userName), now);
    }

    /**
     * Counts a failure of the user name and locks it until {@code lockEnd} when this is failure number
     * {@code maxFailures} in a row (the count starts again). True when this failure locked it.
     */
    public boolean countUserFailure(String userName, int maxFailures, Instant now, Instant lockEnd) {
        String key = key(userName);
        return sql.write(tx -> {
            count(tx, USER, key, now, null);
            return tx.update("UPDATE auth_login_failure SET locked_until = ?, failures = 0 WHERE kind = ? "
                    + "AND login_key = ? AND failures >= ?", lockEnd, USER, key, maxFailures) == 1;
        });
    }

    /** Counts a failure of the client address in its window, or starts a new window when the last one is over. */
    public void countClientFailure(String client, Instant now, Duration window) {
        String key = key(client);
        sql.write(tx -> {
            count(tx, CLIENT, key, now, now.minus(window));
            return null;
        });
    }

    /** Has the client address failed {@code maxFailures} times within a window that is still open? */
    public boolean isThrottled(String client, int maxFailures, Instant now, Duration window) {
        return sql.count("SELECT COUNT(*) FROM auth_login_failure WHERE kind = ? AND login_key = ? "
                + "AND window_start > ? AND failures >= ?", CLIENT, key(client), now.minus(window), maxFailures) > 0;
    }

    /** Forgets the user name's failures and lock (a successful login, a password set by link). */
    public void forget(String userName) {
        sql.update("DELETE FROM auth_login_failure WHERE kind = ? AND login_key = ?", USER, key(userName));
    }

    /**
     * Deletes what no longer counts: client windows that are over, and user names without a running lock whose last
     * failure is older than {@link #FORGIVEN_AFTER}. Returns the number of rows deleted.
     */
    public int purge(Instant now, Duration clientWindow) {
        return sql.update("DELETE FROM auth_login_failure WHERE (kind = ? AND window_start < ?) OR (kind = ? "
                + "AND (locked_until IS NULL OR locked_until < ?) AND last_failure < ?)", CLIENT,
                now.minus(clientWindow), USER, now, now.minus(FORGIVEN_AFTER));
    }

    /**
     * Adds one failure to the key's row: within the window (from {@code windowFrom} on; null: no window), else as the
     * first of a new window, else in a new row. A row that a parallel writer inserted first is counted into.
     */
    private static void count(Tx tx, String kind, String key, Instant now, Instant windowFrom) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            int counted = windowFrom == null
                    ? tx.update("UPDATE auth_login_failure SET failures = failures + 1, last_failure = ? "
                            + "WHERE kind = ? AND login_key = ?", now, kind, key)
                    : tx.update("UPDATE auth_login_failure SET failures = failures + 1, last_failure = ? "
                            + "WHERE kind = ? AND login_key = ? AND window_start >= ?", now, kind, key, windowFrom);
            if (counted == 0 && windowFrom != null) {
                counted = tx.update("UPDATE auth_login_failure SET failures = 1, window_start = ?, last_failure = ? "
                        + "WHERE kind = ? AND login_key = ? AND window_start < ?", now, now, kind, key, windowFrom);
            }
            if (counted > 0 || tx.unlessDuplicate(same -> same.update("INSERT INTO auth_login_failure (kind, "
                    + "login_key, failures, window_start, last_failure) VALUES (?, ?, 1, ?, ?)", kind, key, now, now))
                    .isPresent()) {
                return;
            }
        }
        throw new SQLException("The failure of " + kind + " could not be counted: the row kept changing", "40001");
    }

    /** User names are at most 64 characters (the login form's limit); a longer client address is cut there. */
    private static String key(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= KEY_LENGTH ? value : value.substring(0, KEY_LENGTH);
    }
}
