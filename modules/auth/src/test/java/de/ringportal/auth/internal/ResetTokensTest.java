package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.auth.internal.ResetTokens.State;
import de.ringportal.core.api.Role;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/** One-time password links against a real (in-memory) database, with a clock the test moves. */
@RunWith(BothDatabases.class)
public class ResetTokensTest {

    private DataSource dataSource;
    private TestClock clock;
    private ResetTokens tokens;
    private int accountId;

    @Before
    public void setUp() {
        dataSource = TestDatabase.migrated(AuditLog.class, "auth");
        clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
        tokens = new ResetTokens(dataSource, validity(24), clock);
        Accounts accounts = new Accounts(dataSource, null);
        accountId = accounts.create(new Accounts.Profile("erika", "Erika Muster", null, null, true,
                Set.of(Role.RINGMITGLIED)), "hash");
    }

    /** A token is 32 random bytes in base64url (43 characters); the database keeps only its SHA-256. */
    @Test
    public void token_is_43_url_safe_characters_and_only_its_hash_is_stored() throws SQLException {
        ResetTokens.Issued issued = tokens.issue(accountId);

        assertTrue(issued.token(), issued.token().matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(issued.token(), tokens.issue(accountId).token());
        String stored = storedHashes();
        assertFalse(stored.contains(issued.token()));
        assertEquals(64, ResetTokens.hash(issued.token()).length());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ResetTokens.hash("abc"));
    }

    /** A fresh token is valid, works exactly once, and is "used" afterwards. */
    @Test
    public void token_works_once_and_then_reads_as_used() {
        String token = tokens.issue(accountId).token();

        assertEquals(new ResetTokens.Check(State.VALID, accountId), tokens.check(token));
        assertEquals(Optional.of(accountId), tokens.consume(token));
        assertEquals(Optional.empty(), tokens.consume(token));
        assertEquals(State.USED, tokens.check(token).state());
    }

    /** After its validity (24 hours by default) a token is expired and cannot be used. */
    @Test
    public void token_expires_after_its_validity() {
        ResetTokens.Issued issued = tokens.issue(accountId);
        assertEquals(clock.instant().plus(Duration.ofHours(24)), issued.expiresAt());

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertEquals(State.VALID, tokens.check(issued.token()).state());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(State.EXPIRED, tokens.check(issued.token()).state());
        assertEquals(Optional.empty(), tokens.consume(issued.token()));
    }

    /** The validity comes from the configuration, and a change applies to links issued afterwards. */
    @Test
    public void validity_is_configurable() {
        tokens.modified(validity(2));
        ResetTokens.Issued issued = tokens.issue(accountId);

        assertEquals(clock.instant().plus(Duration.ofHours(2)), issued.expiresAt());
        clock.advance(Duration.ofHours(3));
        assertEquals(State.EXPIRED, tokens.check(issued.token()).state());
    }

    /** A new link for the account voids its older unused one. */
    @Test
    public void new_link_voids_the_older_unused_one() {
        String first = tokens.issue(accountId).token();
        String second = tokens.issue(accountId).token();

        assertEquals(State.UNKNOWN, tokens.check(first).state());
        assertEquals(State.VALID, tokens.check(second).state());
    }

    /** Made-up, malformed and hostile tokens are simply unknown. */
    @Test
    public void unknown_and_malformed_tokens_are_unknown() {
        for (String token : new String[] { null, "", "abc", "x".repeat(43), "' OR '1'='1", "a".repeat(10_000),
                ResetTokens.newToken() }) {
            assertEquals(State.UNKNOWN, tokens.check(token).state());
            assertEquals(Optional.empty(), tokens.consume(token));
        }
    }

    /** The decision itself: used beats expired, and the expiry instant itself is already too late. */
    @Test
    public void state_decision() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        assertEquals(State.VALID, ResetTokens.state(now.plusSeconds(1), null, now));
        assertEquals(State.EXPIRED, ResetTokens.state(now, null, now));
        assertEquals(State.USED, ResetTokens.state(now.plusSeconds(60), now.minusSeconds(5), now));
        assertEquals(State.USED, ResetTokens.state(now.minusSeconds(60), now.minusSeconds(120), now));
    }

    private String storedHashes() throws SQLException {
        StringBuilder hashes = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT token_hash FROM auth_reset_token")) {
            while (rows.next()) {
                hashes.append(rows.getString(1)).append('\n');
            }
        }
        return hashes.toString();
    }

    private static ResetTokens.Config validity(int hours) {
        ResetTokens.Config config = mock(ResetTokens.Config.class);
        when(config.validityHours()).thenReturn(hours);
        return config;
    }
}
