package de.ringportal.events.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;

/**
 * The event form in a real embedded Jetty with the real templates and layout, for the Redaktion and without the
 * rings module (the audience is a text field): refused input is 422 with the typed values and the error summary, a
 * valid event is stored and answered with 303 to its page.
 */
@RunWith(BothDatabases.class)
public class EventFormJettyTest {

    private static final String NEW = "/veranstaltungen/neu";

    private static DataSource dataSource;
    private static TestJetty jetty;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeClass
    public static void startJetty() throws Exception {
        dataSource = TestDatabase.migrated(EventStore.class, "events");
        Access access = mock(Access.class);
        when(access.mayEditPublicContent(any())).thenReturn(true);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> call.getArgument(2));
        when(access.viewer(any())).thenReturn(new Viewer("redaktion", "Redaktion", null, Set.of(Role.REDAKTION)));
        BundleContext context = mock(BundleContext.class, RETURNS_DEEP_STUBS);
        when(context.getBundle().getVersion()).thenReturn(new Version(1, 2, 3));
        EventsPage.Config config = mock(EventsPage.Config.class);
        when(config.pageSize()).thenReturn(20);
        when(config.calendarName()).thenReturn("Ringportal: Veranstaltungen");
        EventsPage page = new EventsPage(context, access, TestViews.of(EventsPage.class),
                new EventStore(dataSource, mock(ModuleSchema.class)), new RingChoice(), config);
        jetty = TestJetty.start(handler -> handler.addServlet(new ServletHolder(page), "/veranstaltungen/*"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** An impossible day and an end before the start: 422, the summary links to both fields, the text is kept. */
    @Test
    public void refused_event_comes_back_with_422_the_typed_values_and_the_error_summary() throws Exception {
        long before = TestDatabase.count(dataSource, "SELECT COUNT(*) FROM events_event");

        HttpResponse<String> refused = jetty.post(NEW, "titel", "Fachtag <b>Kennzahlen</b>", "tag", "31.02.2026",
                "beginn", "16:00", "ende", "10:00", "ort", "Kreishaus Biberach", "ring", "3",
                "programm", "1. Begrüßung\n2. Ende");

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString(
                "<li><a href=\"#feld-tag\">Bitte ein Datum angeben, zum Beispiel 24.11.2026.</a></li>"));
        assertThat(page, containsString("<li><a href=\"#feld-ende\">Das Ende liegt nicht nach dem Beginn.</a></li>"));
        assertThat(page, containsString("value=\"Fachtag &lt;b&gt;Kennzahlen&lt;/b&gt;\""));
        assertThat(page, not(containsString("<b>Kennzahlen")));
        assertThat(page, containsString("name=\"beginn\" value=\"16:00\""));
        assertThat(page, containsString("name=\"ort\" value=\"Kreishaus Biberach\""));
        assertThat(page, containsString("<input type=\"text\" id=\"feld-ring\" name=\"ring\" value=\"3\""));
        assertThat(page, containsString(">1. Begrüßung&#10;2. Ende</textarea>"));
        assertThat("the shared CSRF partial", page, containsString("<input type=\"hidden\" name=\"_csrf\" value=\""));
        assertEquals("nothing stored", before, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM events_event"));
    }

    /** A valid public event is stored and answered with 303 to its page, which shows it in German time words. */
    @Test
    public void valid_event_is_saved_and_answered_with_303() throws Exception {
        LocalDate day = LocalDate.of(2099, 11, 24);
        HttpResponse<String> saved = jetty.post(NEW, "titel", "Fachtag Kennzahlen", "tag", day.toString(),
                "beginn", "9:30", "ende", "16:00", "ort", "Kreishaus Biberach", "ring", "", "programm", "Begrüßung");

        assertEquals(303, saved.statusCode());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location, containsString("/veranstaltungen/"));
        HttpResponse<String> shown = jetty.get(location);
        assertEquals(200, shown.statusCode());
        assertThat(shown.body(), containsString("<time datetime=\"2099-11-24T09:30\">"
                + "Dienstag, 24. November 2099, 09:30 Uhr bis 16:00 Uhr</time>"));
        assertThat(shown.body(), containsString("<dd>öffentlich</dd>"));
    }

    /** The route table's answers: a malformed id and an unknown event are 404, a wrong method 405. */
    @Test
    public void unknown_paths_are_404_and_a_wrong_method_405() throws Exception {
        for (String path : new String[] {"/veranstaltungen/x", "/veranstaltungen/999999", "/veranstaltungen/1/x"}) {
            assertEquals(path, 404, jetty.get(path).statusCode());
        }
        HttpResponse<Void> wrong = client.send(HttpRequest.newBuilder(jetty.uri("/veranstaltungen/oeffentlich.ics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(405, wrong.statusCode());
        assertEquals("GET, HEAD", wrong.headers().firstValue("Allow").orElseThrow());
    }
}
