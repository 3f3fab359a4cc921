package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.time.Year;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.Role;
import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.rings.api.Rings;

/**
 * The packaged rings and municipality bundles together: the registry shows the rings' names (not only their ids) on
 * /kommunen and /kommunen/<AGS>, and follows renames, new rings, new members and deletions made in /admin/ringe,
 * which the rings module announces on {@link Rings#TOPIC_CHANGED}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RingNamesIT extends AuthTestSupport {

    private static final String EDITOR = "ringnamen-redaktion";
    private static final String COESFELD = "05558";
    private static final String BIBERACH = "08426";
    private static final String RING_4 = "Vergleichsring 4: verdichtete Kreise";

    private final List<String> changes = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> listener;

    @Before
    public void pagesAndListener() {
        awaitService(Municipalities.class, null);
        awaitService(Rings.class, null);
        waitFor("/kommunen answers 200", () -> get("/kommunen").status() == 200);
        waitFor("/ringe answers 200", () -> get("/ringe").status() == 200);
        createAccount(EDITOR, "Redaktion Ringnamen", null, Role.REDAKTION);
        Hashtable<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, Rings.TOPIC_CHANGED);
        listener = context.registerService(EventHandler.class, event -> changes.add(
                event.getProperty(RingMemberships.EVENT_RING) + ":" + event.getProperty(RingMemberships.EVENT_CHANGE)),
                topic);
    }

    @After
    public void stopListening() {
        listener.unregister();
    }

    /** Ring 4's seeded name on the unit's page (linked) and in the list's filter and rows; a rename follows. */
    @Test
    public void registry_pages_show_the_ring_name_and_follow_a_rename() {
        waitFor("Kreis Coesfeld's page names ring 4", () -> get("/kommunen/" + COESFELD).body()
                .contains("<tr><th scope=\"row\">2011</th><td><a href=\"/ringe/4\">" + RING_4 + "</a> </td></tr>"));
        Response list = get("/kommunen?ring=4");
        assertThat(list.body(), containsString("<option value=\"4\" selected>" + RING_4 + "</option>"));
        assertThat(section(list.body(), "<tbody>", "</tbody>"), containsString("<td>" + RING_4 + "</td>"));

        String description = awaitService(Rings.class, null).byId("4").orElseThrow().description();
        Visitor editor = loggedIn(EDITOR);
        String renamed = "Vergleichsring 4: Kreise im Verdichtungsraum";
        String token = editor.get("/admin/ringe/4").csrfToken();
        try {
            assertEquals(303, editor.post("/admin/ringe/4", Map.of("_csrf", token, "name", renamed,
                    "beschreibung", "Umbenannt im Test", "moderation", "")).status());
            waitFor("the rename is announced", () -> changes.contains("4:updated"));
            waitFor("Kreis Coesfeld's page shows the new name", () -> get("/kommunen/" + COESFELD).body()
                    .contains("<a href=\"/ringe/4\">" + renamed + "</a>"));
            waitFor("the list's filter shows the new name", () -> get("/kommunen").body()
                    .contains("<option value=\"4\">" + renamed + "</option>"));
            assertThat(get("/kommunen/" + COESFELD).body(), not(containsString(RING_4)));
            assertThat(get("/kommunen?ring=4").body(), not(containsString(RING_4)));
        } finally {
            editor.post("/admin/ringe/4", Map.of("_csrf", token, "name", RING_4, "beschreibung", description,
                    "moderation", ""));
        }
    }

    /** A ring added with a member this year appears by name (escaped); its deletion takes it off the pages. */
    @Test
    public void a_new_ring_appears_by_name_and_goes_with_its_deletion() {
        Visitor editor = loggedIn(EDITOR);
        String token = editor.get("/admin/ringe").csrfToken();
        String name = "Vergleichsring 8: Test <b>fett</b>";
        assertEquals(303, editor.post("/admin/ringe", Map.of("_csrf", token, "name", name, "beschreibung", "",
                "moderation", "")).status());
        waitFor("the new ring is announced", () -> changes.contains("8:created"));
        int year = Year.now().getValue();
        assertEquals(303, editor.post("/admin/ringe/8/mitglieder", Map.of("_csrf", token, "ags", BIBERACH,
                "jahr", Integer.toString(year))).status());
        waitFor("the membership is announced", () -> changes.contains("8:members"));

        String shown = "Vergleichsring 8: Test &lt;b&gt;fett&lt;/b&gt;";
        waitFor("Landkreis Biberach's page names ring 8", () -> get("/kommunen/" + BIBERACH).body()
                .contains("<tr><th scope=\"row\">" + year + "</th><td><a href=\"/ringe/8\">" + shown
                        + "</a> </td></tr>"));
        waitFor("the list's filter offers ring 8", () -> get("/kommunen").body()
                .contains("<option value=\"8\">" + shown + "</option>"));
        assertThat(get("/kommunen/" + BIBERACH).body(), not(containsString("<b>fett")));

        assertEquals(303, editor.post("/admin/ringe/8/loeschen", Map.of("_csrf", token)).status());
        waitFor("the deletion is announced", () -> changes.contains("8:deleted"));
        waitFor("Landkreis Biberach's page has no ring any more", () -> get("/kommunen/" + BIBERACH).body()
                .contains("Für diese Kommune ist keine Mitgliedschaft in einem Vergleichsring verzeichnet"));
        waitFor("the list's filter no longer offers ring 8", () -> !get("/kommunen").body()
                .contains("<option value=\"8\">"));
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }
}
