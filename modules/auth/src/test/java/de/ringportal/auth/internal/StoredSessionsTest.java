package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.Role;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sessions in the table, on core's {@code TestDatabase} (the real migration): only the id's hash is stored, the
 * purge, sessions that outlive a restart (a new store over the same database), other nodes that see a logout, a
 * disabled account or new roles within a second, and a page that writes at most once a minute.
 */
@RunWith(BothDatabases.class)
public class StoredSessionsTest extends SessionStoreFixture {

    /** Sessions nobody uses again (browser closed) do not pile up in the table: the scheduled purge deletes them. */
    @Test
    public void expired_sessions_are_purged_even_if_never_asked_for_again() {
        for (int i = 0; i < 50; i++) {
            login(null);
        }
        clock.advance(Duration.ofMinutes(20));
        String recent = login(null);
        clock.advance(Duration.ofMinutes(15));
        String latest = login(null);

        assertEquals(50, sessions.purge());

        assertEquals("the 50 idle for 35 min are gone, the one idle for 15 min stays", 2, sessions.size());
        assertTrue(sessions.find(requestWith(recent)).isPresent());
        assertTrue(sessions.find(requestWith(latest)).isPresent());
    }

    /** The purge also deletes a session in constant use once its absolute lifetime is over. */
    @Test
    public void purge_deletes_sessions_past_their_absolute_lifetime() {
        String id = login(null);
        for (int minutes = 20; minutes <= 8 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            sessions.find(requestWith(id));
        }
        assertEquals("8 h after login", 0, sessions.purge());
        clock.advance(Duration.ofSeconds(1));

        assertEquals("8 h 1 s after login", 1, sessions.purge());
        assertEquals(0, sessions.size());
    }

    /** A session asked for after it expired is deleted from the table then and there. */
    @Test
    public void expired_session_is_deleted_when_asked_for() {
        String id = login(null);
        clock.advance(Duration.ofMinutes(31));

        assertFalse(sessions.find(requestWith(id)).isPresent());
        assertEquals(0, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM auth_session"));
    }

    /** The table holds the SHA-256 of the id and nothing from which the cookie could be rebuilt. */
    @Test
    public void only_the_hash_of_the_id_is_stored() throws SQLException {
        String id = login(null);

        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM auth_session")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                columns.add(meta.getColumnName(column).toLowerCase(Locale.ROOT));
            }
            assertTrue(rows.next());
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                values.add(rows.getString(column));
            }
            assertFalse("one row", rows.next());
        }
        assertEquals(List.of("id_hash", "account_id", "created_at", "last_seen"), columns);
        assertEquals(Sha256.hex(id), values.get(0));
        assertTrue(values.get(0), values.get(0).matches("[0-9a-f]{64}"));
        for (String value : values) {
            assertFalse(value, value.contains(id) || value.contains(id.substring(0, 16)));
        }
    }

    /** A restart (a new store over the same database) keeps the person logged in, with name and roles. */
    @Test
    public void session_outlives_a_restart() {
        String id = login(null);
        clock.advance(Duration.ofMinutes(10));

        SessionStore restarted = node();

        SessionStore.Session session = restarted.find(requestWith(id)).orElseThrow();
        assertEquals("Anna Muster", session.viewer.displayName());
        assertEquals(Set.of(Role.RINGMITGLIED), session.viewer.roles());
        clock.advance(Duration.ofMinutes(31));
        assertFalse("the idle timeout still holds after the restart", restarted.find(requestWith(id)).isPresent());
    }

    /** A logout on one node ends the session on another within a second; on the node itself at once. */
    @Test
    public void logout_on_one_node_counts_on_another_within_a_second() {
        SessionStore other = node();
        String id = login(null);
        assertTrue(other.find(requestWith(id)).isPresent());

        assertTrue(sessions.end(requestWith(id), mock(HttpServletResponse.class)));

        assertFalse("this node: at once", sessions.find(requestWith(id)).isPresent());
        clock.advance(SessionStore.CONFIRM_EVERY);
        assertFalse("the other node: within a second", other.find(requestWith(id)).isPresent());
    }

    /** An account disabled on one node (its sessions ended), or directly in the table, is logged out on every node. */
    @Test
    public void disabled_account_is_logged_out_on_every_node_within_a_second() {
        SessionStore other = node();
        String first = login(null);
        String second = login(null);
        assertTrue(other.find(requestWith(first)).isPresent());
        assertTrue(other.find(requestWith(second)).isPresent());

        sessions.endAll(anna.id());
        clock.advance(SessionStore.CONFIRM_EVERY);
        assertFalse(other.find(requestWith(first)).isPresent());

        String third = login(null);
        assertTrue(other.find(requestWith(third)).isPresent());
        accounts.update(anna.id(), new Accounts.Profile("anna", "Anna Muster", null, "08426", false,
                Set.of(Role.RINGMITGLIED)));
        clock.advance(SessionStore.CONFIRM_EVERY);
        assertFalse("a disabled account's session counts for nothing", other.find(requestWith(third)).isPresent());
    }

    /** New roles reach the sessions of this node at once and those of another node within a second. */
    @Test
    public void changed_roles_reach_running_sessions() {
        SessionStore other = node();
        String id = login(null);
        other.find(requestWith(id));
        accounts.update(anna.id(), new Accounts.Profile("anna", "Anna Muster", null, "08426", true,
                Set.of(Role.RINGMITGLIED, Role.RINGMODERATION)));

        sessions.refresh(accounts.byId(anna.id()).orElseThrow());

        Set<Role> both = Set.of(Role.RINGMITGLIED, Role.RINGMODERATION);
        assertEquals(both, sessions.find(requestWith(id)).orElseThrow().viewer.roles());
        clock.advance(SessionStore.CONFIRM_EVERY);
        assertEquals(both, other.find(requestWith(id)).orElseThrow().viewer.roles());
    }

    /** Requests within a minute of the last written one write nothing; the next one later writes the time. */
    @Test
    public void a_page_writes_the_last_request_at_most_once_a_minute() {
        String id = login(null);
        Instant login = clock.instant();
        for (int seconds = 10; seconds < 60; seconds += 10) {
            clock.advance(Duration.ofSeconds(10));
            assertTrue(sessions.find(requestWith(id)).isPresent());
            assertEquals("after " + seconds + " s", login, storedLastSeen(id));
        }
        clock.advance(Duration.ofSeconds(10));
        assertTrue(sessions.find(requestWith(id)).isPresent());
        assertEquals(login.plusSeconds(60), storedLastSeen(id));
    }

    private Instant storedLastSeen(String id) {
        return new SessionTable(dataSource).find(Sha256.hex(id)).orElseThrow().lastSeen();
    }
}
