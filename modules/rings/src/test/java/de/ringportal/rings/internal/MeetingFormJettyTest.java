package de.ringportal.rings.internal;

import static de.ringportal.core.testing.TestJetty.form;
import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Set;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;

/**
 * The meeting forms of a ring's internal area in a real embedded Jetty, rendered with the real templates and layout:
 * refused input comes back as 422 with every value as typed and the error summary linking to the field; a valid
 * meeting is stored and answered with 303 to the list (post/redirect/get).
 */
@RunWith(BothDatabases.class)
public class MeetingFormJettyTest {

    private static final String MEETINGS = "/ringe/4/intern/treffen";

    private static RingAreaStore area;
    private static TestJetty jetty;

    @BeforeClass
    public static void startJetty() throws Exception {
        var dataSource = TestDatabase.migrated(RingStore.class, "rings");
        RingStore store = new RingStore(dataSource, mock(ModuleSchema.class));
        area = new RingAreaStore(dataSource, mock(ModuleSchema.class));
        // a moderator of ring 4; the access rules themselves are core's and tested there
        Access access = mock(Access.class);
        when(access.maySeeRing(any(), anyString())).thenReturn(true);
        when(access.mayModerateRing(any(), anyString())).thenReturn(true);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> call.getArgument(2));
        when(access.viewer(any())).thenReturn(new Viewer("moderation", "Ringmoderation", "05558",
                Set.of(Role.RINGMODERATION)));
        RingPages pages = new RingPages(store, area, new Registry(null, null), TestViews.of(RingPages.class), access);
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(pages), "/ringe/*"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** An impossible date: 422, the summary links to the date field, and what was typed is all still there. */
    @Test
    public void refused_meeting_comes_back_with_422_the_typed_values_and_the_error_summary() throws Exception {
        int before = area.meetings("4").size();
        HttpResponse<String> refused = jetty.post(MEETINGS, form("datum", "31.02.2026", "ort", "Kreishaus Coesfeld",
                "tagesordnung", "1. Begrüßung\n2. <b>Kennzahlen</b>", "protokoll", ""));

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString("<li><a href=\"#feld-datum\">Bitte geben Sie ein gültiges Datum zwischen "
                + "2005 und 2100 an, etwa 2026-03-14 oder 14.03.2026.</a></li>"));
        assertThat(page, containsString("id=\"feld-datum\" name=\"datum\" value=\"31.02.2026\" required "
                + "aria-invalid=\"true\" aria-describedby=\"datum-fehler\""));
        assertThat(page, containsString("name=\"ort\" value=\"Kreishaus Coesfeld\""));
        assertThat("typed text is shown again, escaped (the line break too)", page,
                containsString(">1. Begrüßung&#10;2. &lt;b&gt;Kennzahlen&lt;/b&gt;</textarea>"));
        assertThat(page, not(containsString("<b>Kennzahlen")));
        assertEquals("nothing stored", before, area.meetings("4").size());
    }

    /** A valid meeting is stored once and answered with 303 to the list, which shows it. */
    @Test
    public void valid_meeting_is_saved_and_answered_with_303() throws Exception {
        HttpResponse<String> saved = jetty.post(MEETINGS, form("datum", "14.03.2026", "ort", "Kreishaus Borken",
                "tagesordnung", "1. Begrüßung", "protokoll", ""));

        assertEquals(303, saved.statusCode());
        assertEquals(MEETINGS, saved.headers().firstValue("Location").orElseThrow());
        RingAreaStore.Meeting meeting = area.meetings("4").stream()
                .filter(m -> m.place().equals("Kreishaus Borken")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 14), meeting.date());
        assertEquals("1. Begrüßung", meeting.agenda());
        HttpResponse<String> list = jetty.get(MEETINGS);
        assertEquals(200, list.statusCode());
        assertThat(list.body(), containsString("<time datetime=\"2026-03-14\">14.03.2026</time>"));
    }

    /** Editing a stored meeting with the place emptied: 422 on the meeting's page, the stored meeting unchanged. */
    @Test
    public void refused_edit_keeps_the_typed_values_and_the_stored_meeting() throws Exception {
        area.addMeeting("4", LocalDate.of(2025, 11, 20), "Kreishaus Steinfurt", "", "", false);
        RingAreaStore.Meeting stored = area.meetings("4").stream()
                .filter(m -> m.place().equals("Kreishaus Steinfurt")).findFirst().orElseThrow();

        HttpResponse<String> refused = jetty.post(MEETINGS + "/" + stored.id(), form("datum", "2025-11-21", "ort", " ",
                "tagesordnung", "", "protokoll", "Protokoll in Arbeit"));

        assertEquals(422, refused.statusCode());
        assertThat(refused.body(), containsString("<li><a href=\"#feld-ort\">Bitte geben Sie den Ort an.</a></li>"));
        assertThat(refused.body(), containsString("name=\"datum\" value=\"2025-11-21\""));
        assertThat(refused.body(), containsString(">Protokoll in Arbeit</textarea>"));
        assertEquals(stored, area.meeting("4", stored.id()).orElseThrow());
        assertEquals(404, jetty.post(MEETINGS + "/999999", form("datum", "2025-11-21", "ort", "x")).statusCode());
    }

    /** The route table answers for paths that are not there: an unknown ring, an id that is no number. */
    @Test
    public void unknown_ring_and_malformed_ids_are_404() throws Exception {
        for (String path : new String[] {"/ringe/99/intern/treffen", MEETINGS + "/x", MEETINGS + "/1/x"}) {
            HttpResponse<String> page = jetty.get(path);
            assertEquals(path, 404, page.statusCode());
        }
    }
}
