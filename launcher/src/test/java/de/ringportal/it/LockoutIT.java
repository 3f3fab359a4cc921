package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;

/**
 * Guessing passwords over HTTP: five failures lock a user name for 15 minutes (429, German message), known or not,
 * and parallel requests do not get more guesses. The end of a lock is tested in LoginServiceTest with a clock.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LockoutIT extends AuthTestSupport {

    /** Four failures are failures; the fifth locks; then even the right password gets 429 and no session. */
    @Test
    public void five_wrong_passwords_lock_the_account_even_against_the_right_password() {
        createAccount("sperre-bekannt", "Sperre", "08426", Role.RINGMITGLIED);
        Visitor visitor = visitor();

        for (int attempt = 1; attempt <= 4; attempt++) {
            Page failed = visitor.login("sperre-bekannt", "Falsches-Passwort-" + attempt, "/");
            assertEquals("attempt " + attempt, 200, failed.status());
            assertThat(failed.body(), containsString(WRONG_CREDENTIALS));
        }
        assertLocked("attempt 5", visitor.login("sperre-bekannt", "Falsches-Passwort-5", "/"));
        assertLocked("right password", visitor.login("sperre-bekannt", PASSWORD, "/"));
        assertLocked("other case", visitor.login(" SPERRE-Bekannt ", PASSWORD, "/"));
        assertEquals("the lock is stored with the account", 1, count("SELECT COUNT(*) FROM auth_account "
                + "WHERE user_name = ? AND locked_until > CURRENT_TIMESTAMP", "sperre-bekannt"));
        assertEquals("another account is not affected", 303, visitor.login(ADMIN, PASSWORD, "/").status());
    }

    /** A made-up user name locks after the same five failures, with the same answer: a lock reveals nothing. */
    @Test
    public void unknown_user_names_lock_the_same_way() {
        Visitor visitor = visitor();

        for (int attempt = 1; attempt <= 4; attempt++) {
            Page failed = visitor.login("sperre-unbekannt", "Falsches-Passwort-" + attempt, "/");
            assertEquals("attempt " + attempt, 200, failed.status());
            assertThat(failed.body(), containsString(WRONG_CREDENTIALS));
        }
        assertLocked("attempt 5", visitor.login("sperre-unbekannt", "Falsches-Passwort-5", "/"));
        assertLocked("attempt 6", visitor.login("sperre-unbekannt", PASSWORD, "/"));
    }

    /** 20 wrong passwords sent at once, then the right one: four plain failures, every other answer is 429. */
    @Test
    public void parallel_wrong_passwords_do_not_bypass_the_lockout() throws Exception {
        createAccount("sperre-parallel", "Parallel", "08426", Role.RINGMITGLIED);
        Visitor visitor = visitor();
        String token = visitor.get("/anmelden").csrfToken();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String password = "Falsches-Passwort-parallel-" + i;
                attempts.add(pool.submit(() -> {
                    start.await();
                    return visitor.post("/anmelden", Map.of("_csrf", token, "benutzer", "sperre-parallel",
                            "passwort", password, "ziel", "/")).status();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> attempt : attempts) {
                statuses.merge(attempt.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), 1, Integer::sum);
            }

            assertEquals(Map.of(200, 4, 429, 16), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertLocked("right password afterwards", visitor.login("sperre-parallel", PASSWORD, "/"));
    }

    private static void assertLocked(String attempt, Page page) {
        assertEquals(attempt, 429, page.status());
        assertEquals(attempt, "900", page.header("Retry-After"));
        assertThat(attempt, page.body(), containsString(LOCKED));
        assertThat(attempt, page.body(), containsString("Bitte versuchen Sie es in 15 Minuten erneut."));
        assertNull(attempt, page.setCookie(Visitor.SESSION));
    }
}
