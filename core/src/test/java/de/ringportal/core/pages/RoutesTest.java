package de.ringportal.core.pages;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Set;

import org.junit.Test;

/** The route table alone: pattern types, suffixes, normalised paths, precedence and refused patterns. */
public class RoutesTest {

    private static final Handler LIST = exchange -> { };
    private static final Handler SHOW = exchange -> { };
    private static final Handler NEW = exchange -> { };
    private static final Handler ICS = exchange -> { };
    private static final Handler CREATE = exchange -> { };

    private final Routes routes = Routes.builder().get("/", LIST).get("/{id:int}", SHOW).get("/neu", NEW)
            .get("/ring/{ring:word}.ics", ICS).post("/neu", CREATE).build();

    /** Missing path info is the servlet's own path, and a trailing slash is ignored. */
    @Test
    public void null_path_is_root_and_trailing_slash_is_ignored() {
        assertSame(LIST, routes.match("GET", null).orElseThrow().handler());
        assertSame(LIST, routes.match("GET", "").orElseThrow().handler());
        assertSame(LIST, routes.match("GET", "/").orElseThrow().handler());
        assertSame(SHOW, routes.match("GET", "/42/").orElseThrow().handler());
    }

    /** Placeholders give their text, and int placeholders their number. */
    @Test
    public void placeholders_are_read_by_name() {
        Routes.Match match = routes.match("GET", "/123456789").orElseThrow();
        assertEquals(123456789, match.path().integer("id"));
        assertEquals("Ring_4-a", routes.match("GET", "/ring/Ring_4-a.ics").orElseThrow().path().text("ring"));
        assertThrows(IllegalArgumentException.class, () -> match.path().text("ring"));
    }

    /** Each type has its exact shape: too long, wrong characters or a missing suffix do not match. */
    @Test
    public void types_have_their_shapes() {
        Routes typed = Routes.builder().get("/j/{year:year}", LIST).get("/k/{ags:ags}", SHOW)
                .get("/s/{slug:slug}", NEW).build();
        assertTrue(typed.match("GET", "/j/2026").isPresent());
        assertFalse(typed.match("GET", "/j/202").isPresent());
        assertFalse(typed.match("GET", "/j/20261").isPresent());
        assertTrue(typed.match("GET", "/k/09162").isPresent());
        assertFalse(typed.match("GET", "/k/0916").isPresent());
        assertTrue(typed.match("GET", "/s/mein-erster-artikel-2").isPresent());
        assertFalse(typed.match("GET", "/s/-start").isPresent());
        assertFalse(typed.match("GET", "/s/Gross").isPresent());
        assertFalse(typed.match("GET", "/s/" + "a".repeat(101)).isPresent());
        assertFalse(routes.match("GET", "/1234567890").isPresent());
        assertFalse(routes.match("GET", "/ring/" + "a".repeat(33) + ".ics").isPresent());
        assertFalse(routes.match("GET", "/ring/a.ical").isPresent());
        assertFalse(routes.match("GET", "/ring/a b.ics").isPresent());
        assertFalse(routes.match("GET", "/4/bearbeiten").isPresent());
    }

    /** A literal path wins over a placeholder that would match it too, whatever the order of declaration. */
    @Test
    public void literal_wins_over_placeholder() {
        Routes slugs = Routes.builder().get("/{slug:slug}", SHOW).get("/neu", NEW).build();
        assertSame(NEW, slugs.match("GET", "/neu").orElseThrow().handler());
        assertSame(SHOW, slugs.match("GET", "/alt").orElseThrow().handler());
    }

    /** HEAD is answered by the GET route; the methods of a path are listed for the Allow header. */
    @Test
    public void head_follows_get_and_methods_are_listed() {
        assertSame(NEW, routes.match("HEAD", "/neu").orElseThrow().handler());
        assertSame(CREATE, routes.match("POST", "/neu").orElseThrow().handler());
        assertFalse(routes.match("POST", "/").isPresent());
        assertEquals(Set.of("GET", "HEAD", "POST"), routes.methods("/neu"));
        assertEquals(Set.of("GET", "HEAD"), routes.methods("/7"));
        assertTrue(routes.methods("/gibt-es-nicht").isEmpty());
    }

    /** Guards travel with their route. */
    @Test
    public void guard_travels_with_its_route() {
        Guard guard = (request, path) -> false;
        Routes guarded = Routes.builder().get("/", LIST).post("/", guard, CREATE).guardAll(guard).build();
        assertSame(guard, guarded.match("POST", "/").orElseThrow().guard());
        assertEquals(null, guarded.match("GET", "/").orElseThrow().guard());
        assertSame(guard, guarded.guardAll());
    }

    /** Malformed patterns and the same method and shape twice are refused when the table is built. */
    @Test
    public void bad_or_duplicate_patterns_are_refused() {
        for (String bad : new String[] {"", "ohne-schraegstrich", "//doppelt", "/{id:zahl}", "/{id}", "/{id:int",
            "/id:int}", "/{a:int}{b:int}", "/{a:int}/{a:int}", "/mit leerzeichen", "/{1a:int}", "/a?b=c"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> Routes.builder().get(bad, LIST));
        }
        assertThrows(IllegalArgumentException.class, () -> Routes.builder().get("/{id:int}", LIST)
                .get("/{nummer:int}", SHOW));
        assertThrows(IllegalArgumentException.class, () -> Routes.builder().post("/neu", LIST).post("/neu/", SHOW));
        Routes.builder().get("/neu", LIST).post("/neu", SHOW).build();
    }
}
