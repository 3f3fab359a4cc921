package de.ringportal.launcher;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import de.ringportal.launcher.HealthProbe.Health;

/** The launcher's console messages while the portal starts, with a scripted health page. */
public class StartupWatchTest {

    private static final Health WAITING = new Health(false, "DOWN", "Die Datenbank startet seit 3 s.");
    private static final Health UP = new Health(true, "UP", null);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Down for a few checks, then up: each wait is reported with its reason, and the watch returns the health. */
    @Test
    public void reports_the_wait_with_its_reason_until_the_portal_is_up() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        Health health = watch(() -> checks.incrementAndGet() < 4 ? WAITING : UP, () -> true,
                new StartupWatch.Timing(Duration.ofMillis(1), Duration.ZERO, Duration.ofHours(1))).awaitUp(System.nanoTime());

        assertEquals(UP, health);
        assertThat(text(out), containsString("Ringportal startet noch (seit 0 s), wartet: Die Datenbank startet seit 3 s."));
        assertThat(text(err), not(containsString("nicht betriebsbereit")));
    }

    /** Never up within its patience: said once on stderr, with the reason; the watch ends when the portal stops. */
    @Test
    public void says_plainly_when_the_portal_does_not_come_up() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        Health health = watch(() -> WAITING, () -> checks.incrementAndGet() < 50,
                new StartupWatch.Timing(Duration.ofMillis(1), Duration.ofHours(1), Duration.ZERO)).awaitUp(System.nanoTime());

        assertNull(health);
        String failure = text(err);
        assertThat(failure, containsString("Ringportal ist nach 0 s nicht betriebsbereit: Die Datenbank startet seit 3 s."));
        assertEquals("said once", failure.indexOf("nicht betriebsbereit"), failure.lastIndexOf("nicht betriebsbereit"));
    }

    /** The health page's JSON: 200 is up; the reason is read with its escapes. */
    @Test
    public void health_json_is_read_with_status_and_reason() {
        Health down = HealthProbe.parse(503, "{\"status\":\"DOWN\",\"reason\":\"Die Datenbank \\\"db\\\" f\u00e4llt\\u003c\","
                + "\"database\":\"DOWN\",\"schemas\":{}}");

        assertEquals(new Health(false, "DOWN", "Die Datenbank \"db\" f\u00e4llt<"), down);
        assertEquals(new Health(true, "UP", null), HealthProbe.parse(200, "{\"status\":\"UP\",\"database\":\"UP\"}"));
        assertEquals("127.0.0.1", HealthProbe.reachable("0.0.0.0"));
        assertEquals("[::1]", HealthProbe.reachable("::1"));
    }

    private StartupWatch watch(java.util.function.Supplier<Health> probe, java.util.function.BooleanSupplier running,
            StartupWatch.Timing timing) {
        return new StartupWatch(probe, running, timing, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
