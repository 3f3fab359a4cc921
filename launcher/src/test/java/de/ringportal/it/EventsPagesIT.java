package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;
import de.ringportal.rings.api.Rings;

/**
 * The events module's own pages: the Redaktion adds public and ring events, ring events stay with those who may see
 * the ring (list, page and iCalendar export), bad and hostile input gets German messages and is stored inert.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsPagesIT extends AuthTestSupport {

    private static final String FILES = "ringportal.it.events.files";
    private static final String EDITOR = "events-redaktion";
    private static final String MEMBER = "events-mitglied";
    private static final String OUTSIDER = "events-fremd";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Bundle events;

    @Override
    protected Option[] additionalOptions(Path work) throws IOException {
        Path files = Files.createDirectories(work.resolve("files"));
        Files.copy(TestBundles.eventsJar(), files.resolve("events.jar"));
        return new Option[] {frameworkProperty(FILES).value(files.toString())};
    }

    /** Ring 3 has the Landkreis Biberach (08426) this year; the module runs from its jar. */
    @Before
    public void installEventsAndRings() throws BundleException {
        registrations.add(ringsThisYear(Map.of("08426", "3")));
        events = context.installBundle(Path.of(context.getProperty(FILES)).resolve("events.jar").toUri().toString());
        events.start();
        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=events)");
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        createAccount(EDITOR, "Redaktion Veranstaltungen", null, Role.REDAKTION);
        createAccount(MEMBER, "Mitglied Biberach", "08426", Role.RINGMITGLIED);
        createAccount(OUTSIDER, "Mitglied anderswo", "05558", Role.RINGMITGLIED);
    }

    @After
    public void uninstallEvents() throws BundleException {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        events.uninstall();
    }

    /** A public event from the Redaktion's form shows for everybody, escaped, and is in the public calendar. */
    @Test
    public void the_redaktion_adds_a_public_event_that_everybody_sees_and_can_subscribe_to() {
        Visitor editor = loggedIn(EDITOR);
        String title = "Fachtag <script>alert(1)</script> ' OR 1=1 --";

        Visitor.Page created = editor.post("/veranstaltungen/neu", form(editor, title, "", "10:00", "16:00"));

        assertEquals(created.body(), 303, created.status());
        String location = created.header("Location");
        Visitor anonymous = visitor();
        String page = anonymous.get(location).body();
        assertThat(page, containsString("Fachtag &lt;script&gt;alert(1)&lt;/script&gt; &#39; OR 1&#61;1 --"));
        assertThat(page, not(containsString("<script>alert")));
        assertThat(page, containsString("Kennzahlen K1 bis K3"));
        assertThat(anonymous.get("/veranstaltungen").body(), containsString("href=\"" + location + "\""));
        Visitor.Page calendar = anonymous.get("/veranstaltungen/oeffentlich.ics");
        assertEquals(200, calendar.status());
        assertThat(calendar.header("Content-Type"), containsString("text/calendar"));
        // plain text in the calendar: the markup is gone (clients that render HTML would run it), the rest stays
        assertThat(calendar.body(), containsString("SUMMARY:Fachtag alert(1) ' OR 1=1 --\r\n"));
        assertThat(calendar.body(), not(containsString("<script")));
        assertThat(calendar.body(), containsString("LOCATION:Kreishaus Biberach\\, Saal 2\r\n"));
    }

    /** A ring's event is seen by that ring's members only: in the list, on its page and in the ring's calendar. */
    @Test
    public void a_ring_event_is_seen_only_by_those_who_may_see_the_ring() {
        Visitor editor = loggedIn(EDITOR);
        Visitor.Page created = editor.post("/veranstaltungen/neu", form(editor, "Ringtreffen Ring 3", "3", "09:30",
                "15:00"));
        assertEquals(created.body(), 303, created.status());
        String location = created.header("Location");

        Visitor member = loggedIn(MEMBER);
        assertThat(member.get("/veranstaltungen").body(), containsString("Ringtreffen Ring 3"));
        assertEquals(200, member.get(location).status());
        Visitor.Page calendar = member.get("/veranstaltungen/ring/3.ics");
        assertEquals(200, calendar.status());
        assertThat(calendar.body(), containsString("SUMMARY:Ringtreffen Ring 3"));
        assertThat(calendar.body(), containsString("CLASS:PRIVATE"));

        Visitor outsider = loggedIn(OUTSIDER);
        assertThat(outsider.get("/veranstaltungen").body(), not(containsString("Ringtreffen Ring 3")));
        assertEquals(403, outsider.get(location).status());
        assertEquals(403, outsider.get("/veranstaltungen/ring/3.ics").status());
        Visitor anonymous = visitor();
        assertThat(anonymous.get("/veranstaltungen").body(), not(containsString("Ringtreffen Ring 3")));
        assertEquals(302, anonymous.get(location).status());
        assertThat(anonymous.get("/veranstaltungen/oeffentlich.ics").body(), not(containsString("Ringtreffen Ring 3")));
    }

    /** Wrong dates, times, ring ids and lengths get one German message each, and nothing is stored. */
    @Test
    public void bad_input_is_refused_with_german_messages_and_nothing_is_stored() {
        Visitor editor = loggedIn(EDITOR);
        int before = count("SELECT COUNT(*) FROM events_event");
        Map<String, String> bad = new LinkedHashMap<>(form(editor, "", "../x", "16:00", "10:00"));
        bad.put("tag", "31.02.2026");
        bad.put("programm", "x".repeat(5000));

        Visitor.Page refused = editor.post("/veranstaltungen/neu", bad);

        assertEquals(422, refused.status());
        assertThat(refused.body(), containsString("Bitte einen Titel mit höchstens 200 Zeichen angeben."));
        assertThat(refused.body(), containsString("Bitte ein Datum angeben, zum Beispiel 24.11.2026."));
        assertThat(refused.body(), containsString("Das Ende liegt nicht nach dem Beginn."));
        assertThat(refused.body(), containsString("Eine Ring-Kennung besteht aus höchstens 32 Buchstaben"));
        assertThat(refused.body(), containsString("Das Programm hat höchstens 4000 Zeichen."));
        assertEquals(before, count("SELECT COUNT(*) FROM events_event"));
    }

    /** The audience is a choice of the rings by name; a ring id that does not exist is refused, nothing stored. */
    @Test
    public void the_audience_is_a_choice_of_the_existing_rings_and_unknown_ids_are_refused() {
        Visitor editor = loggedIn(EDITOR);
        String page = editor.get("/veranstaltungen/neu").body();
        assertThat(page, containsString("<select id=\"feld-ring\" name=\"ring\""));
        assertThat(page, containsString("<option value=\"\">öffentlich (für alle)</option>"));
        assertThat(page, containsString("<option value=\"4\">Vergleichsring 4: verdichtete Kreise</option>"));
        assertThat(page, not(containsString("<input type=\"text\" id=\"feld-ring\"")));

        int before = count("SELECT COUNT(*) FROM events_event");
        for (String unknown : List.of("99", "Ring4", "' OR 1=1 --")) {
            Visitor.Page refused = editor.post("/veranstaltungen/neu", form(editor, "Treffen unbekannter Ring",
                    unknown, "10:00", "12:00"));
            assertEquals(unknown, 422, refused.status());
            assertThat(refused.body(), containsString(unknown.startsWith("'")
                    ? "Eine Ring-Kennung besteht aus höchstens 32 Buchstaben"
                    : "Diesen Vergleichsring gibt es nicht. Bitte wählen Sie einen Ring aus der Liste."));
        }
        assertEquals(before, count("SELECT COUNT(*) FROM events_event"));

        Visitor.Page created = editor.post("/veranstaltungen/neu", form(editor, "Ringtreffen Ring 4", "4", "10:00",
                "12:00"));
        assertEquals(created.body(), 303, created.status());
        assertThat(editor.get(created.header("Location")).body(),
                containsString("Vergleichsring 4: verdichtete Kreise"));
    }

    /** With the rings module stopped the form asks for the ring's id as text, says why, and still stores events. */
    @Test
    public void without_the_rings_module_the_audience_is_a_ring_id_with_a_hint() throws BundleException {
        Bundle ringsModule = installedBundle("de.ringportal.rings");
        ringsModule.stop();
        try {
            Visitor editor = loggedIn(EDITOR);
            waitFor("the form falls back to the text field", () -> editor.get("/veranstaltungen/neu").body()
                    .contains("<input type=\"text\" id=\"feld-ring\" name=\"ring\""));
            assertThat(editor.get("/veranstaltungen/neu").body(),
                    containsString("Das Modul der Vergleichsringe läuft derzeit nicht"));
            Visitor.Page created = editor.post("/veranstaltungen/neu", form(editor, "Ringtreffen ohne Ringmodul",
                    "3", "10:00", "12:00"));
            assertEquals(created.body(), 303, created.status());
            assertThat(editor.get(created.header("Location")).body(), containsString("Ring 3"));
        } finally {
            ringsModule.start();
            awaitService(Rings.class, null);
        }
    }

    /** Ring members may not add events, and nobody adds a public one but the Redaktion. */
    @Test
    public void only_the_redaktion_and_ring_moderators_add_events() {
        Visitor member = loggedIn(MEMBER);
        assertEquals(403, member.get("/veranstaltungen/neu").status());
        assertEquals(403, member.post("/veranstaltungen/neu", form(member, "Nicht erlaubt", "", "10:00", "11:00"))
                .status());
        assertEquals(302, visitor().get("/veranstaltungen/neu").status());
        assertEquals(0, count("SELECT COUNT(*) FROM events_event WHERE title = 'Nicht erlaubt'"));
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

    private static Map<String, String> form(Visitor visitor, String title, String ring, String from, String until) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", visitor.get("/").csrfToken());
        fields.put("titel", title);
        fields.put("tag", LocalDate.now().plusDays(14).toString());
        fields.put("beginn", from);
        fields.put("ende", until);
        fields.put("ort", "Kreishaus Biberach, Saal 2");
        fields.put("ring", ring);
        fields.put("programm", "Begrüßung\nKennzahlen K1 bis K3");
        return fields;
    }
}
