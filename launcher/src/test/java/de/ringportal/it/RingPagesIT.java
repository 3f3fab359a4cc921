package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;
import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.municipalities.api.Municipality;
import de.ringportal.municipalities.api.MunicipalityMap;

/**
 * The ring pages of the packaged rings bundle: public overview and ring page with the seeded ring 4 (Kreis Coesfeld
 * 05558 and three more, recorded for 2011), each ring's internal area guarded for members of that ring (by the
 * latest recorded year, since nothing is recorded for this year), moderators' posts stored as inert text, and pages
 * that keep working while the municipality registry is stopped.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RingPagesIT extends AuthTestSupport {

    private static final String MEMBER = "ring4-mitglied";
    private static final String MODERATOR = "ring4-moderation";
    private static final String COESFELD = "05558";
    private static final String NOTICE = "Das Kommunenverzeichnis ist derzeit nicht verfügbar";
    private static final String MUNICIPALITIES_BUNDLE = "de.ringportal.municipalities";
    private static final List<String> INTERNAL_PAGES = List.of("/intern", "/intern/mitteilungen", "/intern/treffen",
            "/intern/kontakte");

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Before
    public void accountsAndPages() {
        createAccount(MEMBER, "Ring Vier Mitglied", COESFELD, Role.RINGMITGLIED);
        createAccount(MODERATOR, "Ring Vier Moderation", COESFELD, Role.RINGMITGLIED, Role.RINGMODERATION);
        waitFor("/ringe answers 200", () -> get("/ringe").status() == 200);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** The overview lists seven rings, ring 4 with its documented members and their source, and is in the menu. */
    @Test
    public void overview_lists_seven_rings_and_the_documented_members() {
        Response overview = get("/ringe");
        assertEquals(200, overview.status());
        assertEquals(7, overview.body().split("class=\"ring-card\"", -1).length - 1);
        assertThat(overview.body(), containsString("<a href=\"/ringe\" aria-current=\"page\">Vergleichsringe</a>"));
        String ring4 = section(overview.body(), "Vergleichsring 4: verdichtete Kreise", "<li class=\"ring-card\">");
        for (String ags : List.of("05554", COESFELD, "05566", "09679")) {
            assertThat(ring4, containsString(ags));
        }
        assertThat(ring4, containsString("4 Mitglieder im Jahr 2011"));
        assertThat(ring4, containsString("Quelle: Kreis Coesfeld, Sitzungsvorlage SV-7-0669"));

        Response page = get("/ringe/4");
        assertEquals(200, page.status());
        assertThat(page.body(), containsString("<h1>Vergleichsring 4: verdichtete Kreise</h1>"));
        assertEquals(404, get("/ringe/99").status());
        int traversal = get("/ringe/..%2F..%2Fetc").status();
        assertEquals("refused, not served: " + traversal, true, traversal == 400 || traversal == 404);
        assertEquals(200, get("/ringe/4?jahr=%27%20OR%201%3D1").status());
    }

    /** A member of ring 4 sees its internal pages and gets 403 for ring 3's, and may not post. */
    @Test
    public void member_sees_own_ring_and_gets_403_for_another() {
        Visitor member = loggedIn(MEMBER);
        for (String page : INTERNAL_PAGES) {
            Page own = member.get("/ringe/4" + page);
            assertEquals(page, 200, own.status());
            Page other = member.get("/ringe/3" + page);
            assertEquals(page, 403, other.status());
            assertThat(other.body(), containsString("Fehler 403"));
        }
        assertThat(member.get("/ringe/4").body(), containsString("href=\"/ringe/4/intern\""));
        assertThat(member.get("/ringe/3").body(), not(containsString("href=\"/ringe/3/intern\"")));

        String token = member.get("/ringe/4/intern").csrfToken();
        assertEquals(403, member.post("/ringe/4/intern/mitteilungen",
                Map.of("_csrf", token, "titel", "Von einem Mitglied", "text", "Nicht erlaubt")).status());
        assertEquals(403, member.post("/ringe/3/intern/mitteilungen",
                Map.of("_csrf", token, "titel", "Fremder Ring", "text", "Nicht erlaubt")).status());
        assertEquals(0, count("SELECT COUNT(*) FROM ring_announcement WHERE title IN (?, ?)",
                "Von einem Mitglied", "Fremder Ring"));
    }

    /** Nobody logged in: every internal page sends to the login page and back; a POST is refused. */
    @Test
    public void anonymous_is_sent_to_login_for_every_internal_page() {
        Visitor visitor = visitor();
        for (String page : List.of("/intern", "/intern/mitteilungen", "/intern/treffen/1",
                "/intern/kontakte/1/loeschen")) {
            Page refused = visitor.get("/ringe/4" + page);
            assertEquals(page, 302, refused.status());
            assertEquals(page, "/anmelden?ziel=" + ("/ringe/4" + page).replace("/", "%2F"),
                    refused.header("Location"));
        }
        String token = visitor.get("/anmelden").csrfToken();
        assertEquals(403, visitor.post("/ringe/4/intern/mitteilungen",
                Map.of("_csrf", token, "titel", "Anonym", "text", "Nicht erlaubt")).status());
        assertEquals(403, visitor.post("/admin/ringe/4/mitglieder",
                Map.of("_csrf", token, "ags", "08426", "jahr", "2011")).status());
    }

    /** The Administration sees the internal area but may not post; the Redaktion's pages need their role. */
    @Test
    public void administration_sees_every_ring_but_does_not_post() {
        Visitor admin = loggedIn(ADMIN);
        assertEquals(200, admin.get("/ringe/3/intern").status());
        assertEquals(200, admin.get("/ringe/4/intern/kontakte").status());
        assertThat(admin.get("/ringe/4/intern/mitteilungen").body(), not(containsString("Neue Mitteilung")));
        assertEquals(403, loggedIn(MEMBER).get("/admin/ringe").status());
    }

    /** A moderator's hostile post is stored and shown as text; an overlong one is refused with a German message. */
    @Test
    public void moderator_posts_and_hostile_input_stays_inert() {
        Visitor moderator = loggedIn(MODERATOR);
        String token = moderator.get("/ringe/4/intern/mitteilungen").csrfToken();
        String hostileTitle = "<script>alert(1)</script>";
        String hostileText = "' OR 1=1 --\n\n../../etc/passwd <img src=x onerror=alert(2)>";
        Page posted = moderator.post("/ringe/4/intern/mitteilungen",
                Map.of("_csrf", token, "titel", hostileTitle, "text", hostileText));
        assertEquals(303, posted.status());

        String list = moderator.get("/ringe/4/intern/mitteilungen").body();
        assertThat(list, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertThat(list, containsString("&lt;img src&#61;x onerror&#61;alert(2)&gt;"));
        assertThat(list, not(containsString("<script>alert(1)")));
        assertThat(list, not(containsString("<img src=x")));
        assertEquals(1, count("SELECT COUNT(*) FROM ring_announcement WHERE title = ?", hostileTitle));
        assertEquals(200, loggedIn(MEMBER).get("/ringe/4/intern").status());

        int before = count("SELECT COUNT(*) FROM ring_announcement");
        Page tooLong = moderator.post("/ringe/4/intern/mitteilungen",
                Map.of("_csrf", token, "titel", "x".repeat(201), "text", "Text"));
        assertEquals(422, tooLong.status());
        assertThat(tooLong.body(), containsString("Titel: höchstens 200 Zeichen erlaubt (eingegeben: 201)."));
        Page invalidDate = moderator.post("/ringe/4/intern/treffen",
                Map.of("_csrf", token, "datum", "31.02.2026", "ort", "Coesfeld"));
        assertEquals(422, invalidDate.status());
        assertThat(invalidDate.body(), containsString("Bitte geben Sie ein gültiges Datum"));
        assertThat("the summary links to the field", invalidDate.body(), containsString("<a href=\"#feld-datum\">"));
        assertEquals(before, count("SELECT COUNT(*) FROM ring_announcement"));
        assertEquals(0, count("SELECT COUNT(*) FROM ring_meeting WHERE place = ?", "Coesfeld"));
    }

    /** A meeting gets its minutes later; deleting asks first and happens only on the confirming POST. */
    @Test
    public void meeting_is_edited_and_deleted_after_confirmation() {
        Visitor moderator = loggedIn(MODERATOR);
        String token = moderator.get("/ringe/4/intern/treffen").csrfToken();
        assertEquals(303, moderator.post("/ringe/4/intern/treffen", Map.of("_csrf", token, "datum", "2026-03-14",
                "ort", "Kreishaus Borken", "tagesordnung", "1. Begrüßung", "protokoll", "")).status());
        int id = count("SELECT MAX(id) FROM ring_meeting WHERE place = ?", "Kreishaus Borken");
        String meeting = "/ringe/4/intern/treffen/" + id;
        assertEquals(303, moderator.post(meeting, Map.of("_csrf", token, "datum", "14.03.2026",
                "ort", "Kreishaus Borken", "tagesordnung", "1. Begrüßung", "protokoll", "Alle waren da.")).status());
        assertThat(loggedIn(MEMBER).get(meeting).body(), containsString("Alle waren da."));

        Page question = moderator.get(meeting + "/loeschen");
        assertEquals(200, question.status());
        assertThat(question.body(), containsString("Soll das Ringtreffen am 14.03.2026 in Kreishaus Borken "
                + "gelöscht werden?"));
        assertEquals(1, count("SELECT COUNT(*) FROM ring_meeting WHERE id = ?", id));
        assertEquals(303, moderator.post(meeting + "/loeschen", Map.of("_csrf", token, "bestaetigt", "ja"))
                .status());
        assertEquals(0, count("SELECT COUNT(*) FROM ring_meeting WHERE id = ?", id));
        assertEquals(404, moderator.get(meeting).status());
    }

    /** The contact directory: a hostile name is shown as text, a bad e-mail address refused; removal asks first. */
    @Test
    public void contact_directory_keeps_hostile_input_inert() {
        Visitor moderator = loggedIn(MODERATOR);
        String token = moderator.get("/ringe/4/intern/kontakte").csrfToken();
        Page badMail = moderator.post("/ringe/4/intern/kontakte", Map.of("_csrf", token, "ags", COESFELD,
                "name", "Erika Beispiel", "email", "javascript:alert(1)", "telefon", "02541 18-0"));
        assertEquals(422, badMail.status());
        assertThat(badMail.body(), containsString("Bitte geben Sie eine gültige E-Mail-Adresse an"));
        assertThat(badMail.body(), containsString("value=\"Erika Beispiel\""));
        assertEquals(0, count("SELECT COUNT(*) FROM ring_contact WHERE name = ?", "Erika Beispiel"));

        String hostile = "<b onmouseover=alert(1)>Erika</b>";
        assertEquals(303, moderator.post("/ringe/4/intern/kontakte", Map.of("_csrf", token, "ags", COESFELD,
                "name", hostile, "funktion", "Teamleitung", "email", "erika@example.org", "telefon", "02541 18-0"))
                .status());
        String directory = loggedIn(MEMBER).get("/ringe/4/intern/kontakte").body();
        assertThat(directory, containsString("&lt;b onmouseover&#61;alert(1)&gt;Erika&lt;/b&gt;"));
        assertThat(directory, not(containsString("<b onmouseover")));
        assertThat(directory, containsString("<a href=\"mailto:erika@example.org\">"));

        int id = count("SELECT MAX(id) FROM ring_contact WHERE name = ?", hostile);
        String remove = "/ringe/4/intern/kontakte/" + id + "/loeschen";
        assertEquals(403, loggedIn(MEMBER).get(remove).status());
        assertThat(moderator.get(remove).body(), containsString("aus dem Verzeichnis entfernt werden?"));
        assertEquals(303, moderator.post(remove, Map.of("_csrf", token, "bestaetigt", "ja")).status());
        assertEquals(0, count("SELECT COUNT(*) FROM ring_contact WHERE id = ?", id));
    }

    /** Renaming a ring shows everywhere at once; a hostile name stays text; an empty one is refused. */
    @Test
    public void redaktion_renames_a_ring() {
        createAccount("ring-redaktion", "Redaktion", null, Role.REDAKTION);
        Visitor editor = loggedIn("ring-redaktion");
        String token = editor.get("/admin/ringe/7").csrfToken();
        Page empty = editor.post("/admin/ringe/7", Map.of("_csrf", token, "name", "  ", "beschreibung", "x"));
        assertEquals(422, empty.status());
        assertThat(empty.body(), containsString("Bitte geben Sie einen Namen an."));
        String hostile = "Ring 7 <script>alert(7)</script>";
        assertEquals(303, editor.post("/admin/ringe/7", Map.of("_csrf", token, "name", hostile,
                "beschreibung", "Ländliche Kreise", "moderation", "Frau Beispiel, Tel. 0000")).status());
        String overview = get("/ringe").body();
        assertThat(overview, containsString("Ring 7 &lt;script&gt;alert(7)&lt;/script&gt;"));
        assertThat(overview, not(containsString("<script>alert(7)")));
        assertThat(get("/ringe/7").body(), containsString("Frau Beispiel, Tel. 0000"));
    }

    /** A POST without the CSRF token is refused before it reaches the ring, and nothing is stored. */
    @Test
    public void post_without_csrf_token_is_refused() {
        Visitor moderator = loggedIn(MODERATOR);
        Page refused = moderator.post("/ringe/4/intern/mitteilungen",
                Map.of("titel", "Ohne Token", "text", "Sollte nicht erscheinen"));
        assertEquals(403, refused.status());
        Page admin = loggedIn(ADMIN).post("/admin/ringe/4/mitglieder", Map.of("ags", "08426", "jahr", "2011"));
        assertEquals(403, admin.status());
        assertEquals(0, count("SELECT COUNT(*) FROM ring_announcement WHERE title = ?", "Ohne Token"));
        assertEquals(0, count("SELECT COUNT(*) FROM ring_membership WHERE ags = ?", "08426"));
    }

    /**
     * An administrator assigns a municipality for a year, which opens that ring to its members; bad keys are refused
     * with a message; removing asks first.
     */
    @Test
    public void administration_assigns_and_removes_memberships() {
        Visitor admin = loggedIn(ADMIN);
        String token = admin.get("/admin/ringe/2/mitglieder").csrfToken();
        for (String bad : List.of("' OR 1=1", "../1", "8426")) {
            Page refused = admin.post("/admin/ringe/2/mitglieder", Map.of("_csrf", token, "ags", bad, "jahr",
                    "2011"));
            assertEquals(bad, 422, refused.status());
            assertThat(refused.body(),
                    containsString("Bitte geben Sie den Kreisschlüssel (AGS) aus fünf Ziffern an"));
        }
        Page taken = admin.post("/admin/ringe/2/mitglieder", Map.of("_csrf", token, "ags", COESFELD, "jahr", "2011"));
        assertEquals(422, taken.status());
        assertThat(taken.body(), containsString("gehört 2011 schon zu Vergleichsring 4: verdichtete Kreise"));

        int year = LocalDate.now().getYear();
        createAccount("ring2-mitglied", "Ring Zwei", "08426", Role.RINGMITGLIED);
        Visitor member = loggedIn("ring2-mitglied");
        assertEquals(403, member.get("/ringe/2/intern").status());
        assertEquals(303, admin.post("/admin/ringe/2/mitglieder", Map.of("_csrf", token, "ags", "08426",
                "jahr", Integer.toString(year))).status());
        assertEquals(200, member.get("/ringe/2/intern").status());

        String remove = "/admin/ringe/2/mitglieder/entfernen?ags=08426&jahr=" + year;
        assertThat(admin.get(remove).body(),
                containsString("für " + year + " aus „Vergleichsring 2“ entfernt werden?"));
        assertEquals(1, count("SELECT COUNT(*) FROM ring_membership WHERE ags = ?", "08426"));
        assertEquals(303, admin.post(remove, Map.of("_csrf", token, "bestaetigt", "ja")).status());
        assertEquals(0, count("SELECT COUNT(*) FROM ring_membership WHERE ags = ?", "08426"));
        assertEquals(403, member.get("/ringe/2/intern").status());
    }

    /** With the registry bundle stopped, the ring pages still answer 200, say so and show the keys. */
    @Test
    public void stopping_the_municipalities_bundle_leaves_ring_pages_working() throws BundleException {
        Bundle registry = installedBundle(MUNICIPALITIES_BUNDLE);
        registry.stop();
        try {
            for (String path : List.of("/ringe", "/ringe/4", "/ringe/4?jahr=2011")) {
                Response page = get(path);
                assertEquals(path, 200, page.status());
                assertThat(path, page.body(), containsString(NOTICE));
                assertThat(path, page.body(), containsString(COESFELD));
            }
            Visitor member = loggedIn(MEMBER);
            assertEquals(200, member.get("/ringe/4/intern/kontakte").status());
        } finally {
            registry.start();
        }
    }

    /** While a registry runs, members appear by name and each ring gets its map, with the BKG source note. */
    @Test
    public void registry_names_the_members_and_draws_the_map() {
        Municipalities names = new Municipalities() {
            @Override
            public List<Municipality> all() {
                return List.of(coesfeld());
            }

            @Override
            public Optional<Municipality> byAgs(String ags) {
                return COESFELD.equals(ags) ? Optional.of(coesfeld()) : Optional.empty();
            }

            @Override
            public List<Municipality> activeOn(LocalDate day) {
                return all();
            }
        };
        MunicipalityMap map = (title, highlighted) -> "<svg role=\"img\" viewBox=\"0 0 10 10\"><title>" + title
                + "</title><desc>" + String.join(",", new java.util.TreeSet<>(highlighted)) + "</desc></svg>";
        registrations.add(context.registerService(Municipalities.class, names,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 1000))));
        registrations.add(context.registerService(MunicipalityMap.class, map,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 1000))));

        waitFor("ring 4 names Kreis Coesfeld", () -> get("/ringe/4").body().contains("Kreis Coesfeld (05558)"));
        String page = get("/ringe/4").body();
        assertThat(page, not(containsString(NOTICE)));
        assertThat(page, containsString("<title>Mitglieder von „Vergleichsring 4: verdichtete Kreise“ im Jahr "
                + "2011</title><desc>05554,05558,05566,09679</desc>"));
        assertThat(page, containsString("© GeoBasis-DE / BKG 2021 (Daten verändert)"));
        String overview = get("/ringe").body();
        assertThat(overview, containsString("Kreis Coesfeld (05558)"));
        // a map service without shared outlines (only svg): the overview falls back to its whole maps
        assertThat(overview, containsString("<title>Mitglieder von „Vergleichsring 4: verdichtete Kreise“ im Jahr "
                + "2011</title><desc>05554,05558,05566,09679</desc>"));
        assertThat(overview, not(containsString("kreis-map-outlines")));
    }

    private static Municipality coesfeld() {
        return new Municipality(COESFELD, "Kreis Coesfeld", "Landkreis", "Nordrhein-Westfalen", 2005, null, null,
                null);
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

}
