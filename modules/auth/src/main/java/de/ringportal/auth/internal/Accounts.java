package de.ringportal.auth.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;
import de.ringportal.core.data.Tx;

/** The accounts and their roles in the database. User names are stored and compared in lower case. */
@Component(service = Accounts.class)
public class Accounts {

    private static final String COLUMNS = "id, user_name, display_name, email, municipality, password_hash, enabled, "
            + "failed_logins, locked_until";
    private static final String MATCHES = " WHERE user_name LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? "
            + "ESCAPE '\\' OR LOWER(email) LIKE ? ESCAPE '\\'";
    private static final String ADMINISTRATORS = "SELECT COUNT(*) FROM auth_account a JOIN auth_account_role r "
            + "ON r.account_id = a.id WHERE a.enabled = TRUE AND r.role = ?";
    /** An account without its roles, which a second query adds. */
    private static final RowMapper<Account> ACCOUNT = row -> new Account(row.getInt(1), row.getString(2),
            row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7), row.getInt(8),
            Columns.instant(row, 9), Set.of());

    private final Sql sql;

    /** @param schema keeps this component, and everything that needs it, inactive until the tables exist */
    @Activate
    public Accounts(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=auth)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
    }

    /** The fields an administrator sets. */
    public record Profile(String userName, String displayName, String email, String municipality, boolean enabled,
            Set<Role> roles) {
    }

    public static String normalize(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> byUserName(String userName) {
        return withRoles(sql.list("SELECT " + COLUMNS + " FROM auth_account WHERE user_name = ?", ACCOUNT,
                normalize(userName))).stream().findFirst();
    }

    public Optional<Account> byId(int id) {
        return withRoles(sql.list("SELECT " + COLUMNS + " FROM auth_account WHERE id = ?", ACCOUNT, id)).stream()
                .findFirst();
    }

    /** Creates the account and returns its id; the user name must be free (see {@link #byUserName}). */
    public int create(Profile profile, String passwordHash) {
        Instant now = Instant.now();
        return sql.write(tx -> {
            int id = (int) tx.insert("INSERT INTO auth_account (user_name, display_name, email, municipality, "
                    + "password_hash, enabled, failed_logins, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    "id", normalize(profile.userName()), profile.displayName(), profile.email(),
                    profile.municipality(), passwordHash, profile.enabled(), now, now);
            writeRoles(tx, id, profile.roles());
            return id;
        });
    }

    /** Changes everything but user name and password. */
    public void update(int id, Profile profile) {
        sql.write(tx -> {
            tx.update("UPDATE auth_account SET display_name = ?, email = ?, municipality = ?, enabled = ?, "
                    + "updated_at = ? WHERE id = ?", profile.displayName(), profile.email(), profile.municipality(),
                    profile.enabled(), Instant.now(), id);
            tx.update("DELETE FROM auth_account_role WHERE account_id = ?", id);
            writeRoles(tx, id, profile.roles());
            return null;
        });
    }

    public void setPasswordHash(int id, String hash) {
        sql.update("UPDATE auth_account SET password_hash = ?, updated_at = ? WHERE id = ?", hash, Instant.now(), id);
    }

    /**
     * Counts a failed login and locks the account once {@code maxFailures} is reached (the count starts again); one
     * transaction, so parallel failures are each counted. Returns the new count.
     */
    public int recordFailure(int id, int maxFailures, Instant lockedUntil) {
        return sql.write(tx -> {
            tx.update("UPDATE auth_account SET failed_logins = failed_logins + 1 WHERE id = ?", id);
            tx.update("UPDATE auth_account SET locked_until = ?, failed_logins = 0 WHERE id = ? "
                    + "AND failed_logins >= ?", lockedUntil, id, maxFailures);
            return (int) tx.count("SELECT failed_logins FROM auth_account WHERE id = ?", id);
        });
    }

    public void clearFailures(int id) {
        sql.update("UPDATE auth_account SET failed_logins = 0, locked_until = NULL WHERE id = ?", id);
    }

    /** Accounts whose user name, name or e-mail contains {@code query} (case-insensitive), by user name. */
    public List<Account> search(String query, int offset, int limit) {
        String pattern = pattern(query);
        return withRoles(sql.list("SELECT " + COLUMNS + " FROM auth_account" + MATCHES
                + " ORDER BY user_name OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ACCOUNT, pattern, pattern, pattern,
                offset, limit));
    }

    public int count(String query) {
        String pattern = pattern(query);
        return (int) sql.count("SELECT COUNT(*) FROM auth_account" + MATCHES, pattern, pattern, pattern);
    }

    /** Is there an enabled account with the Administration role? */
    public boolean hasEnabledAdministrator() {
        return sql.count(ADMINISTRATORS, Role.ADMINISTRATION.id()) > 0;
    }

    /** Is there an enabled administrator besides this account? (Nobody may lock the portal out of administration.) */
    public boolean hasOtherEnabledAdministrator(int exceptId) {
        return sql.count(ADMINISTRATORS + " AND a.id <> ?", Role.ADMINISTRATION.id(), exceptId) > 0;
    }

    private static String pattern(String query) {
        String text = normalize(query);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The accounts with their roles, read in one more query for all of them. */
    private List<Account> withRoles(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return accounts;
        }
        Object[] ids = accounts.stream().map(Account::id).toArray();
        Map<Integer, Set<Role>> roles = new HashMap<>();
        sql.list("SELECT account_id, role FROM auth_account_role WHERE account_id IN (" + Sql.placeholders(ids.length)
                + ")", Accounts::roleRow, ids).forEach(row -> Role.fromId(row.role())
                        .ifPresent(role -> roles.computeIfAbsent(row.accountId(), id -> EnumSet.noneOf(Role.class))
                                .add(role)));
        List<Account> complete = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            complete.add(new Account(a.id(), a.userName(), a.displayName(), a.email(), a.municipality(),
                    a.passwordHash(), a.enabled(), a.failedLogins(), a.lockedUntil(),
                    roles.getOrDefault(a.id(), Set.of())));
        }
        return complete;
    }

    private record RoleRow(int accountId, String role) {
    }

    private static RoleRow roleRow(ResultSet row) throws SQLException {
        return new RoleRow(row.getInt(1), row.getString(2));
    }

    private static void writeRoles(Tx tx, int id, Set<Role> roles) throws SQLException {
        List<Object[]> rows = roles.stream().map(role -> new Object[] {id, role.id()}).toList();
        tx.batch("INSERT INTO auth_account_role (account_id, role) VALUES (?, ?)", rows);
    }
}
