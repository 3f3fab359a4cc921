package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.it.Visitor.Page;
import de.ringportal.municipalities.api.Municipalities;

/**
 * The ring overview with the demo data (every Optionskommune in a ring) and the real registry and maps: the seven
 * maps share one copy of the Kreis outlines, so the page weighs under 200 KB instead of about 420 KB, while every
 * member stays a link with a title on its ring's map and in the list; a membership change shows at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RingOverviewMapsIT extends AuthTestSupport {

    private static final String OUTLINES_ID = "ringkarten-grundlage";
    private static final Pattern RING = Pattern.compile("<h2><a href=\"/ringe/([^\"?]+)\\?jahr=(\\d+)\">");
    private static final Pattern MEMBER = Pattern.compile("<li>[^<]*\\((\\d{5})\\)");
    private static final Pattern ID = Pattern.compile(" id=\"([^\"]*)\"");

    /** One ring card of the overview: its id, year, the members of its list and its map. */
    private record Card(String id, int year, List<String> members, String map) {
    }

    @Override
    protected Map<String, String> frameworkProperties() {
        Map<String, String> properties = new HashMap<>(super.frameworkProperties());
        properties.put("ringportal.demo", "true");
        return properties;
    }

    @Before
    public void demoMembersOnTheMaps() {
        awaitService(Municipalities.class, null);
        // the demo data follows the registry's start: wait until all seven rings have members and a map
        waitFor("seven ring maps with the demo members", () -> {
            Response page = get("/ringe");
            return page.status() == 200 && count(page.body(), "<use href=\"#" + OUTLINES_ID + "-kreise\"") == 7
                    && cards(page.body()).stream().mapToInt(c -> c.members().size()).sum() > 90;
        });
    }

    /** Under 200 KB (whole maps: about 420 KB); the outlines once; ids unique; every reference resolves. */
    @Test
    public void overview_is_light_and_draws_the_outlines_once() {
        Response overview = get("/ringe");
        int bytes = overview.body().getBytes(StandardCharsets.UTF_8).length;
        System.out.println("RingOverviewMapsIT: /ringe " + bytes + " bytes");
        assertTrue(bytes + " bytes", bytes < 200 * 1024);
        assertEquals(1, count(overview.body(), "class=\"kreis-map-outlines\""));
        assertEquals(1, count(overview.body(), "<g id=\"" + OUTLINES_ID + "-kreise\""));
        assertEquals(1, count(overview.body(), "<g id=\"" + OUTLINES_ID + "-laender\""));
        assertEquals(7, count(overview.body(), "<use href=\"#" + OUTLINES_ID + "-laender\""));
        List<String> ids = ID.matcher(overview.body()).results().map(m -> m.group(1)).toList();
        assertEquals("ids " + ids, new HashSet<>(ids).size(), ids.size());
        for (String used : Pattern.compile("href=\"#([^\"]+)\"").matcher(overview.body()).results()
                .map(m -> m.group(1)).toList()) {
            assertTrue("#" + used + " exists", ids.contains(used));
        }
        // each map is named by its title
        for (Card card : cards(overview.body())) {
            assertThat(card.map(), containsString("role=\"group\" aria-labelledby=\"karte-ring-" + card.id()
                    + "\"><title id=\"karte-ring-" + card.id() + "\">Mitglieder von „"));
        }
    }

    /** Every member in a ring's list is a link with a title on that ring's map; the list stays the text. */
    @Test
    public void every_member_is_linked_on_its_rings_map() {
        List<Card> cards = cards(get("/ringe").body());
        assertEquals(7, cards.size());
        for (Card card : cards) {
            assertTrue("ring " + card.id() + " has members", !card.members().isEmpty());
            for (String ags : card.members()) {
                assertThat("ring " + card.id(), card.map(),
                        containsString("<a href=\"/kommunen/" + ags + "\"><title>"));
            }
            assertEquals("ring " + card.id() + ": one link per member", card.members().size(),
                    count(card.map(), "<a href=\"/kommunen/"));
        }
    }

    /** An administrator removes a member and adds it again: /ringe shows each change on the next request. */
    @Test
    public void membership_change_shows_at_once() {
        Card ring = cards(get("/ringe").body()).get(0);
        String ags = ring.members().get(0);
        Visitor admin = visitor();
        assertEquals(303, admin.login(ADMIN, PASSWORD, "/").status());
        String remove = "/admin/ringe/" + ring.id() + "/mitglieder/entfernen?ags=" + ags + "&jahr=" + ring.year();
        String token = admin.get(remove).csrfToken();
        Page removed = admin.post(remove, Map.of("_csrf", token, "bestaetigt", "ja"));
        assertEquals(303, removed.status());

        Card without = card(get("/ringe").body(), ring.id());
        assertThat(without.members(), not(org.hamcrest.CoreMatchers.hasItem(ags)));
        assertThat(without.map(), not(containsString("\"/kommunen/" + ags + "\"")));
        assertEquals(ring.members().size() - 1, count(without.map(), "<a href=\"/kommunen/"));

        Page added = admin.post("/admin/ringe/" + ring.id() + "/mitglieder",
                Map.of("_csrf", token, "ags", ags, "jahr", Integer.toString(ring.year())));
        assertEquals(303, added.status());
        Card again = card(get("/ringe").body(), ring.id());
        assertThat(again.members(), org.hamcrest.CoreMatchers.hasItem(ags));
        assertThat(again.map(), containsString("<a href=\"/kommunen/" + ags + "\"><title>"));
    }

    private static Card card(String page, String id) {
        return cards(page).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Card> cards(String page) {
        List<Card> cards = new ArrayList<>();
        String[] parts = page.split("<li class=\"ring-card\">", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            Matcher ring = RING.matcher(part);
            if (!ring.find()) {
                continue;
            }
            int figure = part.indexOf("<figure");
            String list = figure < 0 ? part : part.substring(0, figure);
            String map = figure < 0 ? "" : part.substring(figure, part.indexOf("</figure>", figure));
            cards.add(new Card(ring.group(1), Integer.parseInt(ring.group(2)),
                    MEMBER.matcher(list).results().map(m -> m.group(1)).toList(), map));
        }
        return cards;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
