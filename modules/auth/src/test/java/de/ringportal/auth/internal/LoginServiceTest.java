package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.auth.internal.LoginService.Outcome;
import de.ringportal.core.api.Role;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/**
 * The login check with real Argon2id hashing and a clock the test moves: lockout after five failures for known and
 * unknown user names alike, its end, the throttle per client address, and parallel attempts. The accounts are mocked;
 * the failure counts are in a real database (core's {@code TestDatabase}), where a restart finds them again.
 */
@RunWith(BothDatabases.class)
public class LoginServiceTest {

    private static final String PASSWORD = "Richtig-und-lang-2026";
    private static final String CLIENT = "192.0.2.10";

    private static Passwords passwords;
    private static String hash;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final Accounts accounts = mock(Accounts.class);
    private final AuditLog audit = mock(AuditLog.class);
    private DataSource dataSource;
    private LoginService logins;
    private ExecutorService pool;

    @BeforeClass
    public static void hashOnce() {
        passwords = new Passwords();
        hash = passwords.hash(PASSWORD);
    }

    @Before
    public void setUp() {
        when(accounts.byUserName(anyString())).thenReturn(Optional.empty());
        when(accounts.byUserName("anna")).thenReturn(Optional.of(account("anna", hash, true)));
        dataSource = TestDatabase.migrated(AuditLog.class, "auth");
        logins = restarted(config(5, 15, 30, 15));
    }

    @After
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The right password logs in, whatever the case and surrounding blanks of the user name. */
    @Test
    public void right_password_logs_in() {
        LoginService.Result result = logins.login(" Anna ", PASSWORD, CLIENT);

        assertEquals(Outcome.SUCCESS, result.outcome());
        assertEquals("anna", result.account().userName());
        verify(accounts).clearFailures(1);
        verify(audit).record(Event.LOGIN, "anna", "anna", CLIENT, null);
    }

    /** An unknown user name, a wrong password and a disabled account end the same way, with no account. */
    @Test
    public void unknown_user_wrong_password_and_disabled_account_fail_alike() {
        when(accounts.byUserName("bert")).thenReturn(Optional.of(account("bert", hash, false)));

        List<LoginService.Result> results = List.of(logins.login("niemand", PASSWORD, CLIENT),
                logins.login("anna", "Falsch-und-lang-2026", CLIENT), logins.login("bert", PASSWORD, CLIENT));

        for (LoginService.Result result : results) {
            assertEquals(Outcome.FAILED, result.outcome());
            assertNull(result.account());
        }
    }

    /** Failures 1–4 fail; the 5th locks; then even the right password is refused until the lock ends. */
    @Test
    public void five_wrong_passwords_lock_the_account_for_fifteen_minutes() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals("attempt " + attempt, Outcome.FAILED,
                    logins.login("anna", "falsch-" + attempt, CLIENT).outcome());
        }
        assertEquals("attempt 5", Outcome.LOCKED, logins.login("anna", "falsch-5", CLIENT).outcome());
        assertEquals("right password while locked", Outcome.LOCKED, logins.login("anna", PASSWORD, CLIENT).outcome());
        verify(audit).record(eq(Event.LOCKED), eq(null), eq("anna"), eq(CLIENT), anyString());
        verify(accounts, times(5)).recordFailure(eq(1), eq(5), eq(clock.instant().plus(Duration.ofMinutes(15))));

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertEquals("a second before the lock ends", Outcome.LOCKED,
                logins.login("anna", PASSWORD, CLIENT).outcome());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("when the lock ends", Outcome.SUCCESS, logins.login("anna", PASSWORD, CLIENT).outcome());
    }

    /** Made-up user names lock after the same five failures, so a lock tells nothing about an account. */
    @Test
    public void unknown_user_names_lock_the_same_way() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(Outcome.FAILED, logins.login("niemand", "falsch-" + attempt, CLIENT).outcome());
        }
        assertEquals(Outcome.LOCKED, logins.login("niemand", "falsch-5", CLIENT).outcome());
        assertEquals(Outcome.LOCKED, logins.login("NIEMAND", "falsch-6", CLIENT).outcome());
        verify(accounts, never()).recordFailure(anyInt(), anyInt(), any());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(Outcome.FAILED, logins.login("niemand", "falsch-7", CLIENT).outcome());
    }

    /** A lock stored with the account (another node, or before a restart) is honoured too. */
    @Test
    public void lock_stored_with_the_account_is_honoured() {
        Account locked = new Account(1, "anna", "Anna", null, "08426", hash, true, 0,
                clock.instant().plus(Duration.ofMinutes(3)), Set.of(Role.RINGMITGLIED));
        when(accounts.byUserName("anna")).thenReturn(Optional.of(locked));

        assertEquals(Outcome.LOCKED, logins.login("anna", PASSWORD, CLIENT).outcome());
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertEquals(Outcome.SUCCESS, logins.login("anna", PASSWORD, CLIENT).outcome());
    }

    /** A successful login starts the count afresh. */
    @Test
    public void success_resets_the_failure_count() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            logins.login("anna", "falsch-" + attempt, CLIENT);
        }
        assertEquals(Outcome.SUCCESS, logins.login("anna", PASSWORD, CLIENT).outcome());
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(Outcome.FAILED, logins.login("anna", "falsch-" + attempt, CLIENT).outcome());
        }
    }

    /** Changed limits apply at once. */
    @Test
    public void changed_configuration_applies_at_once() {
        logins.modified(config(2, 1, 30, 15));

        assertEquals(Outcome.FAILED, logins.login("anna", "falsch-1", CLIENT).outcome());
        assertEquals(Outcome.LOCKED, logins.login("anna", "falsch-2", CLIENT).outcome());
        assertEquals(1, logins.lockMinutes());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(Outcome.SUCCESS, logins.login("anna", PASSWORD, CLIENT).outcome());
    }

    /** Failures from one address, spread over user names, stop that address at its limit; others go on. */
    @Test
    public void one_client_address_is_throttled_at_its_failure_limit() {
        logins.modified(config(5, 15, 8, 15));
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertEquals(Outcome.FAILED, logins.login("name-" + attempt, "falsch", CLIENT).outcome());
        }
        assertEquals(Outcome.THROTTLED, logins.login("anna", PASSWORD, CLIENT).outcome());
        assertEquals(Outcome.SUCCESS, logins.login("anna", PASSWORD, "192.0.2.99").outcome());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(Outcome.SUCCESS, logins.login("anna", PASSWORD, CLIENT).outcome());
    }

    /** 20 wrong passwords at once, then the right one: exactly four fail, the rest and the right one are locked. */
    @Test
    public void parallel_attempts_do_not_slip_past_the_lock() throws Exception {
        pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String password = "falsch-parallel-" + i;
            attempts.add(pool.submit(() -> {
                start.await();
                return logins.login("anna", password, CLIENT).outcome();
            }));
        }
        start.countDown();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Future<Outcome> attempt : attempts) {
            outcomes.merge(attempt.get(60, TimeUnit.SECONDS), 1, Integer::sum);
        }

        assertEquals(Map.of(Outcome.FAILED, 4, Outcome.LOCKED, 16), outcomes);
        assertEquals(Outcome.LOCKED, logins.login("anna", PASSWORD, CLIENT).outcome());
    }

    /** A lock of a known or a made-up user name outlives a restart: new service and store, same database. */
    @Test
    public void lock_outlives_a_restart() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            logins.login("anna", "falsch-" + attempt, CLIENT);
            logins.login("niemand", "falsch-" + attempt, CLIENT);
        }

        LoginService afterRestart = restarted(config(5, 15, 30, 15));

        assertEquals(Outcome.LOCKED, afterRestart.login("anna", PASSWORD, CLIENT).outcome());
        assertEquals(Outcome.LOCKED, afterRestart.login("niemand", "falsch-6", CLIENT).outcome());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(Outcome.SUCCESS, afterRestart.login("anna", PASSWORD, CLIENT).outcome());
    }

    /** Failures counted before a restart count after it: four, a restart, and the fifth locks. */
    @Test
    public void failures_before_a_restart_count_after_it() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            logins.login("anna", "falsch-" + attempt, CLIENT);
        }

        assertEquals(Outcome.LOCKED, restarted(config(5, 15, 30, 15)).login("anna", "falsch-5", CLIENT).outcome());
    }

    /** The throttle of a client address outlives a restart too, until its window ends. */
    @Test
    public void client_throttle_outlives_a_restart() {
        logins.modified(config(5, 15, 3, 15));
        for (int attempt = 1; attempt <= 3; attempt++) {
            logins.login("name-" + attempt, "falsch", CLIENT);
        }

        LoginService afterRestart = restarted(config(5, 15, 3, 15));

        assertEquals(Outcome.THROTTLED, afterRestart.login("anna", PASSWORD, CLIENT).outcome());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(Outcome.SUCCESS, afterRestart.login("anna", PASSWORD, CLIENT).outcome());
    }

    /**
     * The purge deletes ended client windows, ended locks and failures a day old, and keeps what still counts: a
     * running lock and a recent failure.
     */
    @Test
    public void purge_keeps_only_what_still_counts() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            logins.login("gesperrt", "falsch-" + attempt, CLIENT);
        }
        logins.login("einmal", "falsch", "192.0.2.11");
        assertEquals(0, logins.purge());
        assertEquals("2 user names, 2 addresses", 4, rows());

        clock.advance(Duration.ofMinutes(16));
        assertEquals("the windows of both addresses are over", 2, logins.purge());
        assertEquals(2, rows());
        logins.login("neu", "falsch", CLIENT);
        clock.advance(LoginFailures.FORGIVEN_AFTER);

        assertEquals("the ended lock, the day-old failure and the new window, over too", 3, logins.purge());
        assertEquals("the failure of exactly a day ago still counts", 1, rows());
    }

    /** Only user names and addresses are stored, never a password. */
    @Test
    public void stored_failures_hold_names_and_addresses_but_no_password() {
        logins.login("Anna", "Geheim-und-falsch-2026", CLIENT);

        assertEquals(1, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM auth_login_failure "
                + "WHERE kind = 'user' AND login_key = 'anna' AND failures = 1"));
        assertEquals(1, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM auth_login_failure "
                + "WHERE kind = 'client' AND login_key = '" + CLIENT + "' AND failures = 1"));
        assertEquals(0, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM auth_login_failure "
                + "WHERE login_key LIKE '%Geheim%'"));
    }

    /** A hash made with weaker parameters is replaced at the next login by one with today's. */
    @Test
    public void login_rehashes_a_hash_with_old_parameters() {
        String weaker = Password.hash(PASSWORD).addRandomSalt(16)
                .with(Argon2Function.getInstance(8192, 2, 1, 32, Argon2.ID, 19)).getResult();
        when(accounts.byUserName("anna")).thenReturn(Optional.of(account("anna", weaker, true)));

        assertEquals(Outcome.SUCCESS, logins.login("anna", PASSWORD, CLIENT).outcome());

        ArgumentCaptor<String> stored = ArgumentCaptor.forClass(String.class);
        verify(accounts).setPasswordHash(eq(1), stored.capture());
        assertTrue(stored.getValue(), stored.getValue().startsWith("$argon2id$v=19$m=19456,t=3,p=1$"));
        assertTrue(passwords.matches(PASSWORD, stored.getValue()));
    }

    /** A current hash is left alone. */
    @Test
    public void login_keeps_a_current_hash() {
        logins.login("anna", PASSWORD, CLIENT);
        verify(accounts, never()).setPasswordHash(anyInt(), anyString());
    }

    /** The service hashes new passwords with the same function it checks them with. */
    @Test
    public void hash_of_the_service_matches() {
        String fresh = logins.hash("Neues-Passwort-2026");
        assertTrue(passwords.matches("Neues-Passwort-2026", fresh));
        assertSame(Outcome.FAILED, logins.login("anna", "Neues-Passwort-2026", CLIENT).outcome());
    }

    /** The service as it starts after a restart: new objects over the same database. */
    private LoginService restarted(LoginService.Config config) {
        return new LoginService(accounts, passwords, audit, new LoginFailures(dataSource, null), config, clock);
    }

    private long rows() {
        return TestDatabase.count(dataSource, "SELECT COUNT(*) FROM auth_login_failure");
    }

    private static Account account(String userName, String passwordHash, boolean enabled) {
        return new Account(userName.equals("anna") ? 1 : 2, userName, userName, null, "08426", passwordHash, enabled,
                0, null, Set.of(Role.RINGMITGLIED));
    }

    static LoginService.Config config(int maxFailures, int lockMinutes, int maxFailuresPerClient,
            int clientWindowMinutes) {
        LoginService.Config config = mock(LoginService.Config.class);
        when(config.maxFailures()).thenReturn(maxFailures);
        when(config.lockMinutes()).thenReturn(lockMinutes);
        when(config.maxFailuresPerClient()).thenReturn(maxFailuresPerClient);
        when(config.clientWindowMinutes()).thenReturn(clientWindowMinutes);
        return config;
    }
}
