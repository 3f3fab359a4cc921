package de.ringportal.auth.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@value #EVERY_MINUTES} minutes, deletes the sessions that expired without another request and the login
 * failures that no longer count: nothing else would ever remove them. One daemon thread, stopped with the bundle.
 */
@Component(immediate = true)
public class Housekeeping {

    static final long EVERY_MINUTES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final SessionStore sessions;
    private final LoginService logins;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ringportal-auth-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public Housekeeping(@Reference SessionStore sessions, @Reference LoginService logins) {
        this.sessions = sessions;
        this.logins = logins;
        scheduler.scheduleWithFixedDelay(this::run, 1, EVERY_MINUTES * 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    /** One round; a failure (the database away for a moment) is logged, and the next round comes all the same. */
    void run() {
        try {
            int expired = sessions.purge();
            int failures = logins.purge();
            if (expired + failures > 0) {
                LOG.debug("Deleted {} expired sessions and {} login failures that no longer count", expired,
                        failures);
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting expired sessions and old login failures failed, trying again in {} minutes: {}",
                    EVERY_MINUTES, e.getMessage());
        }
    }
}
