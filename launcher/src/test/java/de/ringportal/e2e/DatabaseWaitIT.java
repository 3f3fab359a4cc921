package de.ringportal.e2e;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged portal started while another process holds its database, for longer than the pool's 10 s connection
 * timeout, as a slow crash recovery after {@code kill -9} does: it waits instead of giving up.
 */
public class DatabaseWaitIT {

    /** Longer than the pool's connection timeout (10 s), which a one-shot start gave up after. */
    private static final Duration HELD = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PortalProcess portal;
    private DatabaseHolder holder;

    @After
    public void stop() throws Exception {
        if (holder != null) {
            holder.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    /**
     * While the database is held, every page answers the styled German 503, /health says DOWN with a reason, and the
     * launcher says it is waiting, not that the portal runs; once released, the same process comes up and serves.
     */
    @Test
    public void portal_waits_for_a_held_database_with_503_pages_and_comes_up_when_released() throws Exception {
        Path home = PortalProcess.newHome("DatabaseWaitIT");
        holder = DatabaseHolder.hold(home.resolve("data").resolve("db"), home.resolve("holder-derby.log"));
        portal = PortalProcess.launch(home, Map.of());
        // /health can answer a moment before core's gate and error page are registered (Jetty's bare 404 then)
        portal.await("the portal answers /health and its pages with 503", PortalProcess.START_TIMEOUT,
                () -> portal.get("/health").statusCode() == 503 && portal.get("/").statusCode() == 503);

        long heldUntil = System.nanoTime() + HELD.toNanos();
        do {
            assertWaiting();
        } while (System.nanoTime() < heldUntil && portal.isAlive());
        portal.await("the launcher says it is still starting", PortalProcess.START_TIMEOUT,
                () -> portal.output().contains("Ringportal startet noch"));
        assertThat(portal.output(), not(containsString("läuft")));
        assertThat(portal.output(), containsString("not available after waiting"));

        holder.release();
        portal.awaitHealthy();

        HttpResponse<String> start = portal.get("/");
        assertEquals(200, start.statusCode());
        assertThat(start.body(), containsString("<h1>Willkommen</h1>"));
        assertEquals("UP", JSON.readTree(portal.get("/health").body()).path("status").asText());
        portal.await("the launcher says the portal runs", Duration.ofSeconds(10),
                () -> portal.output().contains("Ringportal läuft auf http://127.0.0.1:" + portal.port() + "/"));
    }

    private void assertWaiting() throws Exception {
        for (String page : new String[] { "/", "/aktuelles", "/anmelden", "/gibt-es-nicht" }) {
            RawHttp.Response response = RawHttp.send(portal.port(), "GET", page);
            assertEquals(page + "\n" + response.whole(), 503, response.status());
            assertThat(response.head(), containsString("Content-Type: text/html"));
            assertThat(response.head(), containsString("Retry-After: "));
            assertThat(response.body(), containsString("<html lang=\"de\">"));
            assertThat(response.body(), containsString("<link rel=\"stylesheet\" href=\"/assets/core/portal.css\">"));
            assertThat(response.body(), containsString("<h1>Vorübergehend nicht verfügbar</h1>"));
            assertThat(response.body(), containsString("wartet noch auf seine Datenbank"));
        }
        assertEquals(200, RawHttp.send(portal.port(), "GET", "/assets/core/portal.css").status());
        HttpResponse<String> health = portal.get("/health");
        assertEquals(503, health.statusCode());
        JsonNode json = JSON.readTree(health.body());
        assertEquals("DOWN", json.path("status").asText());
        assertEquals("DOWN", json.path("database").asText());
        assertThat(json.path("reason").asText(), containsString("Die Datenbank startet seit "));
    }
}
