package de.ringportal.auth.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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

/** The accounts and their roles in the database. User names are stored and compared in lower case. */
@Component(service = Accounts.class)
public class Accounts {

    private static final String COLUMNS = "id, user_name, display_name, email, municipality, password_hash, enabled, "
            + "failed_logins, locked_until";

    private final DataSource dataSource;

    /** @param schema keeps this component, and everything that needs it, inactive until the tables exist */
    @Activate
    public Accounts(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=auth)") ModuleSchema schema) {
        this.dataSource = dataSource;
    }

    /** The fields an administrator sets. */
    public record Profile(String userName, String displayName, String email, String municipality, boolean enabled,
            Set<Role> roles) {
    }

    public static String normalize(String userName) {
        return userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Account> byUserName(String userName) {
        return one("SELECT " + COLUMNS + " FROM auth_account WHERE user_name = ?", normalize(userName));
    }

    public Optional<Account> byId(int id) {
        return one("SELECT " + COLUMNS + " FROM auth_account WHERE id = ?", id);
    }

    /** Creates the account and returns its id; the user name must be free (see {@link #byUserName}). */
    public int create(Profile profile, String passwordHash) {
        return inTransaction(connection -> {
            Instant now = Instant.now();
            int id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO auth_account (user_name, "
                    + "display_name, email, municipality, password_hash, enabled, failed_logins, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, normalize(profile.userName()));
                insert.setString(2, profile.displayName());
                insert.setString(3, profile.email());
                insert.setString(4, profile.municipality());
                insert.setString(5, passwordHash);
                insert.setBoolean(6, profile.enabled());
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setTimestamp(8, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getInt(1);
                }
            }
            writeRoles(connection, id, profile.roles());
            return id;
        });
    }

    /** Changes everything but user name and password. */
    public void update(int id, Profile profile) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE auth_account SET display_name = ?, "
                    + "email = ?, municipality = ?, enabled = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, profile.displayName());
                update.setString(2, profile.email());
                update.setString(3, profile.municipality());
                update.setBoolean(4, profile.enabled());
                update.setTimestamp(5, Timestamp.from(Instant.now()));
                update.setInt(6, id);
                update.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM auth_account_role WHERE account_id = ?")) {
                delete.setInt(1, id);
                delete.executeUpdate();
            }
            writeRoles(connection, id, profile.roles());
            return null;
        });
    }

    public void setPasswordHash(int id, String hash) {
        execute("UPDATE auth_account SET password_hash = ?, updated_at = ? WHERE id = ?", hash,
                Timestamp.from(Instant.now()), id);
    }

    /** Counts a failed login and locks the account once {@code maxFailures} is reached; returns the new count. */
    public int recordFailure(int id, int maxFailures, Instant lockedUntil) {
        execute("UPDATE auth_account SET failed_logins = failed_logins + 1 WHERE id = ?", id);
        execute("UPDATE auth_account SET locked_until = ?, failed_logins = 0 WHERE id = ? AND failed_logins >= ?",
                Timestamp.from(lockedUntil), id, maxFailures);
        return byId(id).map(Account::failedLogins).orElse(0);
    }

    public void clearFailures(int id) {
        execute("UPDATE auth_account SET failed_logins = 0, locked_until = NULL WHERE id = ?", id);
    }

    /** Accounts whose user name, name or e-mail contains {@code query} (case-insensitive), by user name. */
    public List<Account> search(String query, int offset, int limit) {
        String pattern = "%" + likeEscape(normalize(query)) + "%";
        List<Account> accounts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM auth_account "
                        + "WHERE user_name LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\' "
                        + "OR LOWER(email) LIKE ? ESCAPE '\\' ORDER BY user_name "
                        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setString(1, pattern);
            select.setString(2, pattern);
            select.setString(3, pattern);
            select.setInt(4, offset);
            select.setInt(5, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    accounts.add(map(rows, connection));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search accounts", e);
        }
        return accounts;
    }

    public int count(String query) {
        String pattern = "%" + likeEscape(normalize(query)) + "%";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM auth_account "
                        + "WHERE user_name LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\' "
                        + "OR LOWER(email) LIKE ? ESCAPE '\\'")) {
            select.setString(1, pattern);
            select.setString(2, pattern);
            select.setString(3, pattern);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count accounts", e);
        }
    }

    /** Is there an enabled account with the Administration role? */
    public boolean hasEnabledAdministrator() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM auth_account a "
                        + "JOIN auth_account_role r ON r.account_id = a.id WHERE a.enabled = TRUE AND r.role = ?")) {
            select.setString(1, Role.ADMINISTRATION.id());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for administrators", e);
        }
    }

    /** Is there an enabled administrator besides this account? (Nobody may lock the portal out of administration.) */
    public boolean hasOtherEnabledAdministrator(int exceptId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM auth_account a "
                        + "JOIN auth_account_role r ON r.account_id = a.id WHERE a.enabled = TRUE AND r.role = ? "
                        + "AND a.id <> ?")) {
            select.setString(1, Role.ADMINISTRATION.id());
            select.setInt(2, exceptId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for administrators", e);
        }
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Optional<Account> one(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(map(rows, connection)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read account", e);
        }
    }

    private static Account map(ResultSet row, Connection connection) throws SQLException {
        int id = row.getInt("id");
        Timestamp locked = row.getTimestamp("locked_until");
        return new Account(id, row.getString("user_name"), row.getString("display_name"), row.getString("email"),
                row.getString("municipality"), row.getString("password_hash"), row.getBoolean("enabled"),
                row.getInt("failed_logins"), locked == null ? null : locked.toInstant(), roles(connection, id));
    }

    private static Set<Role> roles(Connection connection, int id) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT role FROM auth_account_role WHERE account_id = ?")) {
            select.setInt(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Role.fromId(rows.getString(1)).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    private static void writeRoles(Connection connection, int id, Set<Role> roles) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO auth_account_role (account_id, role) VALUES (?, ?)")) {
            for (Role role : roles) {
                insert.setInt(1, id);
                insert.setString(2, role.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update account", e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write account", e);
        }
    }

    /** Role ids with their German labels, in display order, for forms. */
    public static Map<String, String> roleLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            labels.put(role.id(), role.label());
        }
        return labels;
    }
}
