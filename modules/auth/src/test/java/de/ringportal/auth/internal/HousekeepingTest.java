package de.ringportal.auth.internal;

import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/** The scheduled purge: it runs by itself, purges both stores, and a failing round does not escape. */
public class HousekeepingTest {

    /** The first round comes a second after the start; a failure (database away) is only logged. */
    @Test
    public void purges_sessions_and_failures_and_survives_a_failing_round() throws InterruptedException {
        SessionStore sessions = mock(SessionStore.class);
        LoginService logins = mock(LoginService.class);
        CountDownLatch firstRound = new CountDownLatch(1);
        when(sessions.purge()).thenAnswer(call -> {
            firstRound.countDown();
            throw new IllegalStateException("database away");
        });

        Housekeeping housekeeping = new Housekeeping(sessions, logins);
        try {
            assertTrue("the first round ran by itself", firstRound.await(10, TimeUnit.SECONDS));
        } finally {
            housekeeping.stop();
        }
        housekeeping.run();
        doReturn(3).when(sessions).purge();
        housekeeping.run();

        verify(logins).purge();
    }
}
