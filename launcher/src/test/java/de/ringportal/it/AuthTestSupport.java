package de.ringportal.it;

import static org.junit.Assert.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.Before;

import de.ringportal.core.api.Role;

/**
 * Base of the tests of login, sessions and access: the portal starts with a known administrator password (the
 * framework property the launcher also reads), and tests add accounts of their own. Those accounts are real rows in
 * the portal's database; they share the administrator's stored Argon2id hash, hence its password, because the test
 * cannot hash inside the container (password4j lives privately in the accounts bundle).
 */
public abstract class AuthTestSupport extends PortalTestSupport {

    /** Passes the password policy: 12+ characters, not containing the user name "admin", not on the common list. */
    protected static final String PASSWORD = "Testlauf-Kennwort-2026!";
    protected static final String ADMIN = "admin";
    protected static final String LOGIN_SERVICE = "de.ringportal.auth.internal.LoginService";
    protected static final String WRONG_CREDENTIALS = "Benutzername oder Passwort ist falsch.";
    protected static final String LOCKED = "Zu viele Fehlversuche: Die Anmeldung ist vorübergehend gesperrt.";

    @Override
    protected Map<String, String> frameworkProperties() {
        return Map.of("ringportal.admin.password", PASSWORD);
    }

    /**
     * Every test starts once the login page answers and the first administrator exists. All test requests come from
     * 127.0.0.1: the per-address throttle is raised so that it never stands in for the per-account lockout under test.
     */
    @Before
    public void awaitAccounts() {
        waitFor("/anmelden answers 200", () -> get("/anmelden").status() == 200);
        waitFor("the administrator exists", () -> count("SELECT COUNT(*) FROM auth_account WHERE user_name = ?",
                ADMIN) == 1);
        configure(LOGIN_SERVICE, Map.of("maxFailuresPerClient", 100_000));
    }

    protected Visitor visitor() {
        return new Visitor(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
    }

    /** The result list of a search as {@code visitor} sees it: the page between the form and the end of main. */
    protected static String search(Visitor visitor, String query) {
        Visitor.Page page = visitor.get("/suche?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, page.status());
        String body = page.body();
        int start = body.indexOf("</form>", body.indexOf("<main"));
        return body.substring(start, body.indexOf("</main>"));
    }

    /** Adds an enabled account with the administrator's password, unless the user name is taken. */
    protected void createAccount(String userName, String displayName, String municipality, Role... roles) {
        try (Connection connection = awaitService(DataSource.class, null).getConnection()) {
            if (count("SELECT COUNT(*) FROM auth_account WHERE user_name = ?", userName) > 0) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO auth_account (user_name, "
                    + "display_name, municipality, password_hash, enabled, failed_logins, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, TRUE, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, userName);
                insert.setString(2, displayName);
                insert.setString(3, municipality);
                insert.setString(4, passwordHashOf(connection, ADMIN));
                insert.executeUpdate();
            }
            for (Role role : roles) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO auth_account_role "
                        + "(account_id, role) SELECT id, ? FROM auth_account WHERE user_name = ?")) {
                    insert.setString(1, role.id());
                    insert.setString(2, userName);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create account " + userName, e);
        }
    }

    private static String passwordHashOf(Connection connection, String userName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT password_hash FROM auth_account WHERE user_name = ?")) {
            select.setString(1, userName);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No account " + userName);
                }
                return rows.getString(1);
            }
        }
    }

    /** The single number a query answers, e.g. a COUNT(*). */
    protected int count(String sql, Object... parameters) {
        try (Connection connection = awaitService(DataSource.class, null).getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
