package de.ringportal.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import de.ringportal.launcher.HealthProbe.Health;

/**
 * Says on the console that the portal runs only once it does: asks its health until it answers 200. Meanwhile it
 * says every {@link Timing#report()} that the portal is still starting and why (the database may be in its crash
 * recovery); after {@link Timing#patience()} it says plainly on stderr that the portal did not come up, and goes on
 * watching, less often, in case it still does. When the portal says its start has failed for good (the database
 * refused it), the watch says so on stderr at once and ends with that health.
 */
final class StartupWatch {

    /** How often to ask, how often to say it still waits, and how long until it says the start failed. */
    record Timing(Duration poll, Duration report, Duration patience) {
        static final Timing DEFAULT = new Timing(Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    private final Supplier<Health> probe;
    private final BooleanSupplier running;
    private final Timing timing;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param running false once the portal stops (Ctrl-C while it starts): then the watch ends without a verdict
     */
    StartupWatch(Supplier<Health> probe, BooleanSupplier running, Timing timing, PrintStream out, PrintStream err) {
        this.probe = probe;
        this.running = running;
        this.timing = timing;
        this.out = out;
        this.err = err;
    }

    /**
     * Waits until the portal is up and returns its health, or null when it stopped first; a {@link Health#fatal()}
     * health when it gave up starting.
     */
    Health awaitUp(long startedNanos) throws InterruptedException {
        long nextReport = startedNanos + timing.report().toNanos();
        boolean toldFailure = false;
        while (running.getAsBoolean()) {
            Health health = probe.get();
            if (health.up()) {
                if (toldFailure) {
                    err.println("Ringportal ist nach " + seconds(startedNanos) + " s doch noch betriebsbereit.");
                }
                return health;
            }
            if (health.fatal()) {
                err.println("Ringportal kann nicht starten: " + health.reason());
                return health;
            }
            long now = System.nanoTime();
            if (!toldFailure && now - startedNanos >= timing.patience().toNanos()) {
                err.println("Ringportal ist nach " + seconds(startedNanos) + " s nicht betriebsbereit: "
                        + health.reason() + " Seiten antworten bis dahin mit 503; das Portal versucht es weiter."
                        + " Bitte das Protokoll prüfen.");
                toldFailure = true;
                nextReport = now + timing.report().toNanos() * 6;
            } else if (now >= nextReport) {
                out.println("Ringportal startet noch (seit " + seconds(startedNanos) + " s), wartet: "
                        + health.reason());
                nextReport = now + timing.report().toNanos() * (toldFailure ? 6 : 1);
            }
            Thread.sleep(timing.poll().toMillis());
        }
        return null;
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }
}
