package de.ringportal.municipalities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Maps that share one copy of the outlines (the ring overview's seven maps): a page of outlines plus seven maps has
 * every outline once, unique ids, every reference resolvable, every member linked, and is a fraction of seven whole
 * maps.
 */
public class SharedOutlinesTest {

    private static final String OUTLINES = "grundlage";
    private static final Pattern ID = Pattern.compile(" id=\"([^\"]*)\"");
    private static final Pattern USE = Pattern.compile("<use href=\"#([^\"]*)\"");
    private static final Pattern PATH = Pattern.compile("<path d=\"([^\"]*)\"");

    private static KreisMap small;
    private static Map<String, Entry> registry;
    /** Seven "rings": the registry's units with a name, dealt out in turn. */
    private static List<Set<String>> rings;

    @BeforeClass
    public static void read() {
        small = KreisMap.bundled(KreisMap.SMALL_TOLERANCE);
        registry = Seed.entries().stream().collect(Collectors.toMap(Entry::ags, e -> e));
        rings = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rings.add(new TreeSet<>());
        }
        List<String> units = registry.values().stream().filter(e -> e.admittedYear() != null && e.until() == null)
                .map(Entry::ags).sorted().toList();
        for (int i = 0; i < units.size(); i++) {
            rings.get(i % 7).add(units.get(i));
        }
    }

    private static String page() {
        StringBuilder page = new StringBuilder(MapDrawing.outlines(small, OUTLINES));
        for (int i = 0; i < rings.size(); i++) {
            page.append(MapDrawing.svgOnOutlines(small, OUTLINES, "karte-ring-" + (i + 1), "Ring " + (i + 1),
                    MapDrawing.highlighted(small, registry, rings.get(i))));
        }
        return page.toString();
    }

    /** The outlines hold every Kreis and every Land outline exactly once, hidden, in defs, under the two ids. */
    @Test
    public void outlines_hold_every_kreis_once() {
        String outlines = MapDrawing.outlines(small, OUTLINES);
        assertTrue(outlines.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kreis-map-outlines\" "
                + "width=\"0\" height=\"0\" aria-hidden=\"true\"><defs><g id=\"grundlage-kreise\""));
        assertTrue(outlines.contains("<g id=\"grundlage-laender\""));
        assertTrue(outlines.endsWith("</g></defs></svg>"));
        List<String> paths = PATH.matcher(outlines).results().map(m -> m.group(1)).toList();
        assertEquals(small.kreise().size() + small.laender().size(), paths.size());
        for (KreisMap.Kreis kreis : small.kreise()) {
            assertEquals(kreis.ags(), 1, paths.stream().filter(kreis.path()::equals).count());
        }
        assertFalse("nothing to focus or link in the outlines", outlines.contains("<a "));
    }

    /** On a page of outlines and seven maps: ids unique, every use resolves, the outlines drawn once only. */
    @Test
    public void page_has_unique_ids_and_outlines_once() {
        String page = page();
        List<String> ids = ID.matcher(page).results().map(m -> m.group(1)).toList();
        assertEquals("ids " + ids, new HashSet<>(ids).size(), ids.size());
        assertEquals(2 + 7, ids.size());
        List<String> uses = USE.matcher(page).results().map(m -> m.group(1)).toList();
        assertEquals(14, uses.size());
        assertTrue("every <use> names an id of the page: " + uses, ids.containsAll(uses));
        // each Kreis outline occurs once in the outlines; in the maps only the members' Kreise are drawn again
        String maps = page.substring(MapDrawing.outlines(small, OUTLINES).length());
        for (KreisMap.Kreis kreis : small.kreise()) {
            assertEquals(kreis.ags(), 1, count(page.substring(0, page.length() - maps.length()), kreis.path()));
        }
        int filled = rings.stream().mapToInt(r -> MapDrawing.highlighted(small, registry, r).size()).sum();
        assertEquals(filled, PATH.matcher(maps).results().count());
        for (KreisMap.Land land : small.laender()) {
            assertEquals(land.key(), 0, count(maps, "<path d=\"" + land.path() + "\""));
        }
    }

    /** Every member of every ring is a link with a title to its detail page, inside its own ring's map. */
    @Test
    public void every_member_is_linked_in_its_map() {
        for (int i = 0; i < rings.size(); i++) {
            String map = MapDrawing.svgOnOutlines(small, OUTLINES, "karte-ring-" + (i + 1), "Ring " + (i + 1),
                    MapDrawing.highlighted(small, registry, rings.get(i)));
            assertTrue(map.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kreis-map\" viewBox=\"0 0 "
                    + small.width() + " " + small.height() + "\" width=\"100%\" role=\"group\" aria-labelledby=\""
                    + "karte-ring-" + (i + 1) + "\"><title id=\"karte-ring-" + (i + 1) + "\">Ring " + (i + 1)
                    + "</title>"));
            for (String ags : rings.get(i)) {
                Matcher link = Pattern.compile("<a href=\"/kommunen/" + ags + "\"><title>([^<]+)</title><path d=\"")
                        .matcher(map);
                assertTrue(ags + " linked in ring " + (i + 1), link.find());
                assertTrue(link.group(1).contains(registry.get(ags).name()));
            }
            assertEquals(rings.get(i).size(), Pattern.compile("<a href=").matcher(map).results().count());
        }
    }

    /** Seven maps on shared outlines weigh well under half of seven whole maps (about a quarter). */
    @Test
    public void shared_outlines_are_much_lighter_than_whole_maps() {
        int shared = page().getBytes(StandardCharsets.UTF_8).length;
        int whole = 0;
        for (int i = 0; i < rings.size(); i++) {
            whole += MapDrawing.svg(small, "k" + i, "Ring " + (i + 1),
                    MapDrawing.highlighted(small, registry, rings.get(i))).getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.println("SharedOutlinesTest: seven maps " + whole + " bytes whole, " + shared + " bytes shared");
        assertTrue(shared + " of " + whole, shared * 3 < whole);
    }

    /** A title is escaped; an id that is no plain name is refused rather than written into the markup. */
    @Test
    public void escapes_titles_and_refuses_bad_ids() {
        String map = MapDrawing.svgOnOutlines(small, OUTLINES, "k1", "<script>alert(1)</script>",
                MapDrawing.highlighted(small, registry, Set.of("05558")));
        assertTrue(map.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        for (String bad : new String[] { null, "", "1abc", "a b", "a\"><script>", "x".repeat(65) }) {
            assertThrows(String.valueOf(bad), IllegalArgumentException.class, () -> MapDrawing.outlines(small, bad));
            assertThrows(String.valueOf(bad), IllegalArgumentException.class,
                    () -> MapDrawing.svgOnOutlines(small, OUTLINES, bad, "t", Map.of()));
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
